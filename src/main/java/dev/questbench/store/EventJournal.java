package dev.questbench.store;

import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The append-only event journal: the single source of truth for each quest's transcript and status.
 * Appends go through the store's one writer thread; an append returns only when its events are committed,
 * so an acknowledged event survives {@code kill -9}. Bodies over 64 KiB are kept as blob files.
 */
public final class EventJournal {

    /** Appends one event; returns it with its {@code evt_} id and the quest's next sequence number. */
    public JournalEntry append(String questId, QuestEvent event) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Appends several events of one quest in one transaction, in order. */
    public List<JournalEntry> appendAll(String questId, List<? extends QuestEvent> events) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Up to {@code limit} events after the given event id (null: from the start), oldest first. */
    public List<JournalEntry> readAfter(String questId, String afterEventId, int limit) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Up to {@code limit} events before the given event id (null: from the end), oldest first. */
    public List<JournalEntry> readBefore(String questId, String beforeEventId, int limit) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The last {@code limit} events, oldest first: what a transcript shows first. */
    public List<JournalEntry> readLast(String questId, int limit) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Events of the given wire types, oldest first. */
    public List<JournalEntry> readByType(String questId, Set<String> types, int limit) {
        throw new UnsupportedOperationException("TODO");
    }

    public Optional<JournalEntry> get(String eventId) {
        throw new UnsupportedOperationException("TODO");
    }

    public long count(String questId) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Delivers each committed batch of entries (all quests), in commit order, on the notification thread. */
    public Subscription subscribe(Consumer<List<JournalEntry>> listener) {
        throw new UnsupportedOperationException("TODO");
    }
}
