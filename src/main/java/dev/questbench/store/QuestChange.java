package dev.questbench.store;

import dev.questbench.domain.QuestSummary;

/** What changed about one quest after a committed write: it was created or updated, or it was deleted. */
public sealed interface QuestChange {
    String questId();

    /** The quest's summary as committed (new status, activity time, event count). */
    record Upserted(QuestSummary summary) implements QuestChange {
        @Override
        public String questId() {
            return summary.id();
        }
    }

    record Deleted(String questId) implements QuestChange {
    }
}
