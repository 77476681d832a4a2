package dev.questbench.store;

import dev.questbench.domain.event.JournalEntry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The store's one notification thread: hands committed journal batches and quest changes to listeners, in
 * commit order, away from the writer (which must never wait for a listener) and from callers.
 */
final class Notifier implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Notifier.class.getName());

    private final List<Listener<List<JournalEntry>>> entryListeners = new CopyOnWriteArrayList<>();
    private final List<Listener<QuestChange>> questListeners = new CopyOnWriteArrayList<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "questbench-store-notify");
        t.setDaemon(true);
        return t;
    });

    Subscription onEntries(Consumer<List<JournalEntry>> consumer) {
        return add(entryListeners, consumer);
    }

    Subscription onQuestChanges(Consumer<QuestChange> consumer) {
        return add(questListeners, consumer);
    }

    /** Whether anyone listens for quest changes, so the writer can skip reading summaries for nobody. */
    boolean wantsQuestChanges() {
        return !questListeners.isEmpty();
    }

    /** Queues one commit's results for delivery; called by the writer right after the commit. */
    void publish(List<JournalEntry> entries, List<QuestChange> changes) {
        if (entries.isEmpty() && changes.isEmpty()) {
            return;
        }
        thread.execute(() -> {
            if (!entries.isEmpty()) {
                entryListeners.forEach(listener -> listener.deliver(entries));
            }
            for (QuestChange change : changes) {
                questListeners.forEach(listener -> listener.deliver(change));
            }
        });
    }

    /** Delivers what is already queued, then stops the thread. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "store listeners still busy after 5 s; not waiting longer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> Subscription add(List<Listener<T>> listeners, Consumer<T> consumer) {
        Listener<T> listener = new Listener<>(consumer);
        listeners.add(listener);
        return () -> {
            listener.active = false;
            listeners.remove(listener);
        };
    }

    /** One registration; a listener that throws is logged and keeps receiving, and never hurts the others. */
    private static final class Listener<T> {
        private final Consumer<T> consumer;
        private volatile boolean active = true;

        Listener(Consumer<T> consumer) {
            this.consumer = consumer;
        }

        void deliver(T value) {
            if (!active) {
                return;
            }
            try {
                consumer.accept(value);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) { // also AssertionError and friends: one listener must not stop the others
                LOG.log(System.Logger.Level.WARNING, "a store listener failed; others are unaffected", e);
            }
        }
    }
}
