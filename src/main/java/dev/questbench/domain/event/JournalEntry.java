package dev.questbench.domain.event;

import java.time.Instant;
import java.util.Objects;

/**
 * An event as the journal keeps it: its {@code evt_} id, the quest it belongs to, its per-quest sequence
 * number (1, 2, 3… with no gaps) and when it was processed.
 */
public record JournalEntry(String id, String questId, long seq, Instant processedAt, QuestEvent event) {
    public JournalEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(questId, "questId");
        Objects.requireNonNull(processedAt, "processedAt");
        Objects.requireNonNull(event, "event");
    }

    public String type() {
        return event.type();
    }
}
