package dev.questbench.ui.testing;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A stand-in for the FX thread in ViewModel tests: hand-offs queue up until the test runs them. */
public final class QueueExecutor implements Executor {
    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable task) {
        queue.add(task);
    }

    public int pending() {
        return queue.size();
    }

    /** Runs what is queued now; returns how many hand-offs ran. */
    public int runPending() {
        int ran = 0;
        Runnable task;
        while ((task = queue.poll()) != null) {
            task.run();
            ran++;
        }
        return ran;
    }

    /** Waits for at least one hand-off (store notifications arrive on another thread), then runs all queued. */
    public int awaitAndRun() throws InterruptedException {
        Runnable first = queue.poll(5, TimeUnit.SECONDS);
        if (first == null) {
            throw new AssertionError("no hand-off to the FX thread within 5 s");
        }
        first.run();
        return 1 + runPending();
    }

    /**
     * Runs hand-offs as they come until the condition holds (store notifications and engine workers run on
     * their own threads); fails after 10 s with the message.
     */
    public void runUntil(java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> message)
            throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            runPending();
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out: " + message.get());
            }
            Runnable next = queue.poll(5, TimeUnit.MILLISECONDS);
            if (next != null) {
                next.run();
            }
        }
    }
}
