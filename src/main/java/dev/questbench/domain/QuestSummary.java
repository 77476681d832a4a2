package dev.questbench.domain;

import java.time.Instant;

/**
 * A quest as lists and the board show it: the quest, its derived status, when something last happened,
 * and how many events its journal holds.
 */
public record QuestSummary(Quest quest, QuestStatus status, Instant lastActivityAt, long eventCount) {
    public String id() {
        return quest.id();
    }
}
