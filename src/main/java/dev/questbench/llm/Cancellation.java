package dev.questbench.llm;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A cancel signal shared by a turn's model stream, tools and child processes. {@link #cancel()} runs every
 * registered action once (closing a stream, killing a process tree) from whatever thread cancels.
 */
public final class Cancellation {
    private volatile boolean cancelled;
    private final List<Runnable> actions = new CopyOnWriteArrayList<>();

    public boolean isCancelled() {
        return cancelled;
    }

    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        for (Runnable action : actions) {
            runQuietly(action);
        }
    }

    /**
     * Registers an action to run on cancel (at once if already cancelled); closing the returned handle
     * unregisters it.
     */
    public AutoCloseable onCancel(Runnable action) {
        actions.add(action);
        if (cancelled) {
            actions.remove(action);
            runQuietly(action);
        }
        return () -> actions.remove(action);
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException ignored) {
            // cancelling must reach every action even if one of them fails
        }
    }
}
