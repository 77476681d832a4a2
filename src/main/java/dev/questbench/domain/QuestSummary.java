package dev.questbench.domain;

import java.time.Instant;

/**
 * A quest as lists and the board show it: the quest, its derived status, when something last happened,
 * how many events its journal holds, and the model tokens it used so far.
 */
public record QuestSummary(Quest quest, QuestStatus status, Instant lastActivityAt, long eventCount,
                           long inputTokens, long outputTokens) {
    public String id() {
        return quest.id();
    }
}
