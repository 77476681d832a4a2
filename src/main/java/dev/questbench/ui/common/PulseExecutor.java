package dev.questbench.ui.common;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Runs hand-offs on the FX thread at the start of the next pulse, all together, so a batcher's delivery
 * lands at most once per frame and just before layout and rendering.
 */
public final class PulseExecutor implements Executor {
    private static final PulseExecutor SHARED = new PulseExecutor();

    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean armed = new AtomicBoolean();
    private AnimationTimer timer;

    private PulseExecutor() {
    }

    public static PulseExecutor shared() {
        return SHARED;
    }

    @Override
    public void execute(Runnable task) {
        queue.add(task);
        if (armed.compareAndSet(false, true)) {
            // AnimationTimer must be created and started on the FX thread; its handle() runs once per pulse.
            Platform.runLater(this::arm);
        }
    }

    private void arm() {
        if (timer == null) {
            timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    runQueued();
                }
            };
        }
        timer.start();
    }

    private void runQueued() {
        timer.stop();
        armed.set(false);
        Runnable task;
        while ((task = queue.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                Thread thread = Thread.currentThread();
                thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
            }
        }
    }
}
