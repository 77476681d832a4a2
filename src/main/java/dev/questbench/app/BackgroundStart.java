package dev.questbench.app;

import dev.questbench.store.QuestQuery;
import dev.questbench.store.Store;
import dev.questbench.ui.notify.DesktopNotifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * What a desktop start does off the FX thread, begun before JavaFX starts its toolkit so the two overlap: open
 * the store, warm the quest list query, make the notifier and start the engine. Notifications the engine sends
 * meanwhile (a schedule missed while the app was closed) wait until the toolkit runs ({@link #toolkitStarted}).
 */
final class BackgroundStart {
    private final FxWhenReady fx = new FxWhenReady();
    private final CompletableFuture<Void> work;
    private volatile Store store;
    private volatile DesktopNotifier notifier;
    private volatile DesktopEngine engine;

    BackgroundStart(Path dataDir) {
        work = CompletableFuture.runAsync(() -> {
            store = Store.open(dataDir);
            StartupPhases.mark("store opened (while the toolkit starts)");
            Store opened = store;
            // SQLite pages, JSON mapping and JIT for the list and the board, which fill right after the window shows
            CompletableFuture.runAsync(() -> opened.quests().list(QuestQuery.ALL.grouped()));
            notifier = DesktopNotifier.create(store.settings(), fx);
            engine = DesktopEngine.start(store, System.getenv(), notifier);
            StartupPhases.mark("engine started (while the toolkit starts)");
        }, task -> { // a thread of its own: the common pool has one worker on two cores, and the theme query uses it
            Thread thread = new Thread(task, "questbench-start");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** Called once the toolkit runs (in {@code init}): notifications queued so far go to the FX thread now. */
    void toolkitStarted() {
        fx.open();
    }

    /**
     * Waits for the work; throws what it threw ({@link dev.questbench.store.StoreException} when the store could
     * not open). After a failure, {@link #store()} is the store if it did open, so it can still be closed.
     */
    void await() {
        try {
            work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    Store store() {
        return store;
    }

    DesktopNotifier notifier() {
        return notifier;
    }

    DesktopEngine engine() {
        return engine;
    }

    /** Runs work on the FX thread, holding it until the toolkit has started. */
    static final class FxWhenReady implements Executor {
        private final List<Runnable> waiting = new ArrayList<>();
        private boolean open;

        @Override
        public synchronized void execute(Runnable task) {
            if (open) {
                Platform.runLater(task);
            } else {
                waiting.add(task);
            }
        }

        synchronized void open() {
            open = true;
            waiting.forEach(Platform::runLater);
            waiting.clear();
        }
    }
}
