package dev.questbench.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs UI-triggered work off the FX thread and delivers its result or failure on the FX thread
 * (STYLE.md 10). {@link DirectTaskRunner} runs everything on the caller's thread, for tests.
 */
public interface TaskRunner extends AutoCloseable {

    /** Runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the FX thread. */
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code work} in the background when nothing needs to happen after it, except on failure. */
    default void run(CheckedRunnable work, Consumer<Throwable> onFailure) {
        run(() -> {
            work.run();
            return Boolean.TRUE;
        }, ignored -> { }, onFailure);
    }

    /** Stops accepting work; running work finishes. */
    @Override
    void close();

    /** A piece of background work without a result. */
    @FunctionalInterface
    interface CheckedRunnable {
        void run() throws Exception;
    }
}
