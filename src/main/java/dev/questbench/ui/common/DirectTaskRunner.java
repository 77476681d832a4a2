package dev.questbench.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** A {@link TaskRunner} that runs work and callbacks at once on the calling thread: for ViewModel tests. */
public final class DirectTaskRunner implements TaskRunner {

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception failure) {
            onFailure.accept(failure);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void close() {
    }
}
