package dev.questbench.store;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestSummary;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Quests and their summaries (derived status, last activity), with change notification. */
public final class QuestRepository {

    /** Saves a new quest (status {@code READY} until events arrive). Durable on return. */
    public QuestSummary create(Quest quest) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Saves changed fields (title, pinned, archived, read, options...). Durable on return. */
    public QuestSummary update(Quest quest) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Deletes the quest and its journal. */
    public void delete(String questId) {
        throw new UnsupportedOperationException("TODO");
    }

    public Optional<Quest> get(String questId) {
        throw new UnsupportedOperationException("TODO");
    }

    public Optional<QuestSummary> summary(String questId) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Quests matching the query, pinned first, then in the query's order. */
    public List<QuestSummary> list(QuestQuery query) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Delivers every committed change (creates, updates, deletes, and status or activity changes caused by
     * journal appends), in commit order, on the store's notification thread; never on the caller's.
     */
    public Subscription subscribe(Consumer<QuestChange> listener) {
        throw new UnsupportedOperationException("TODO");
    }
}
