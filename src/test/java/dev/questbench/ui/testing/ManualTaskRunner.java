package dev.questbench.ui.testing;

import dev.questbench.ui.common.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** A {@link TaskRunner} whose tasks wait until the test completes them, in any order it likes. */
public final class ManualTaskRunner implements TaskRunner {
    private final List<Runnable> waiting = new ArrayList<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        waiting.add(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        });
    }

    public int waiting() {
        return waiting.size();
    }

    /** Runs the task submitted {@code index}-th among those still waiting. */
    public void complete(int index) {
        waiting.remove(index).run();
    }

    public void completeAll() {
        while (!waiting.isEmpty()) {
            complete(0);
        }
    }

    @Override
    public void close() {
    }
}
