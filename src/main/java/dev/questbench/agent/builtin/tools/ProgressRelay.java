package dev.questbench.agent.builtin.tools;

import java.util.function.Consumer;

/**
 * Hands output chunks to the progress consumer on its own thread, in order, merging what piles up, so a slow
 * consumer never stalls the command (a full pipe would block it). Keeps at most {@value #MAX_PENDING} characters
 * waiting; the transcript is a live view and the full output is in the result anyway.
 */
final class ProgressRelay implements AutoCloseable {
    static final int MAX_PENDING = 1024 * 1024;

    private final Consumer<String> consumer;
    private final StringBuilder pending = new StringBuilder();
    private final Thread thread;
    private long skipped;
    private boolean closed;

    ProgressRelay(Consumer<String> consumer) {
        this.consumer = consumer;
        this.thread = new Thread(this::deliver, "tool-progress");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void offer(String text) {
        if (pending.length() + text.length() > MAX_PENDING) {
            skipped += text.length();
            return;
        }
        if (skipped > 0) {
            pending.append("\n… (").append(skipped).append(" characters not shown live)\n");
            skipped = 0;
        }
        pending.append(text);
        notifyAll();
    }

    /** Delivers what is pending (waiting up to a second), then stops the thread. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver() {
        while (true) {
            String next;
            synchronized (this) {
                while (pending.length() == 0 && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (pending.length() == 0) {
                    return;
                }
                next = pending.toString();
                pending.setLength(0);
            }
            try {
                consumer.accept(next);
            } catch (RuntimeException e) {
                // a failing listener must not stop the command or the other chunks
            }
        }
    }
}
