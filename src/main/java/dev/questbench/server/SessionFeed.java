package dev.questbench.server;

import dev.questbench.domain.event.JournalEntry;
import dev.questbench.store.QuestChange;
import dev.questbench.store.Store;
import dev.questbench.store.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hands each session's newly committed journal entries to the streams that follow it: one journal subscription
 * for the whole server, fanned out by quest id. Listeners run on the store's notification thread: hand off fast.
 */
final class SessionFeed implements AutoCloseable {
    /** Receives one session's entries, and its end (deleted, or the server stopping). */
    interface Listener {
        void entries(List<JournalEntry> entries);

        void ended(boolean deleted);
    }

    private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();
    private final Subscription journal;
    private final Subscription quests;

    SessionFeed(Store store) {
        this.journal = store.journal().subscribe(this::deliver);
        this.quests = store.quests().subscribe(change -> {
            if (change instanceof QuestChange.Deleted) {
                end(change.questId(), true);
            }
        });
    }

    /** Follows one session; closing the subscription stops delivery. */
    Subscription listen(String questId, Listener listener) {
        listeners.computeIfAbsent(questId, id -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.computeIfPresent(questId, (id, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    private void deliver(List<JournalEntry> batch) {
        if (listeners.isEmpty()) {
            return;
        }
        String current = null;
        List<JournalEntry> run = new ArrayList<>();
        for (JournalEntry entry : batch) {
            if (!entry.questId().equals(current)) {
                flush(current, run);
                current = entry.questId();
                run = new ArrayList<>();
            }
            run.add(entry);
        }
        flush(current, run);
    }

    private void flush(String questId, List<JournalEntry> entries) {
        if (questId == null || entries.isEmpty()) {
            return;
        }
        List<Listener> followers = listeners.get(questId);
        if (followers != null) {
            List<JournalEntry> fixed = List.copyOf(entries);
            followers.forEach(listener -> listener.entries(fixed));
        }
    }

    private void end(String questId, boolean deleted) {
        List<Listener> followers = listeners.remove(questId);
        if (followers != null) {
            followers.forEach(listener -> listener.ended(deleted));
        }
    }

    /** Ends every stream (the server stops). */
    @Override
    public void close() {
        journal.close();
        quests.close();
        List.copyOf(listeners.keySet()).forEach(questId -> end(questId, false));
    }
}
