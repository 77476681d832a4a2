package dev.questbench.ui.common;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Hands tasks to another executor (the FX pulse) at most once per interval: a task offered sooner waits for the
 * interval to pass. Behind a {@link FxBatcher} this means fewer, bigger merged batches: the board and the quest
 * list redraw a few times a second however many quests report, instead of on every pulse. Meant for one
 * batcher's hand-offs (at most one pending at a time); use one instance per batcher.
 */
public final class ThrottledExecutor implements Executor {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "questbench-ui-throttle");
        thread.setDaemon(true);
        return thread;
    });

    private final Executor target;
    private final long intervalNanos;
    private volatile long lastRun = System.nanoTime() - Long.MAX_VALUE / 2;

    public ThrottledExecutor(Executor target, Duration interval) {
        this.target = target;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public void execute(Runnable task) {
        Runnable timed = () -> {
            lastRun = System.nanoTime();
            task.run();
        };
        long wait = lastRun + intervalNanos - System.nanoTime();
        if (wait <= 0) {
            target.execute(timed);
        } else {
            TIMER.schedule(() -> target.execute(timed), wait, TimeUnit.NANOSECONDS);
        }
    }
}
