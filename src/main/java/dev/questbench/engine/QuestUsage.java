package dev.questbench.engine;

import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Tokens and time per turn and for the whole quest, read from {@code span.model_request_end} usage and the
 * turn boundaries ({@code session.status_running} to the next {@code session.status_idle} or error).
 */
public record QuestUsage(List<Turn> turns, long inputTokens, long outputTokens, Duration elapsed) {
    private static final Set<String> TYPES = Set.of("session.status_running", "session.status_idle",
            "session.error", "span.model_request_end", "quest.paused", "quest.interrupted");

    /** One turn's usage; {@code elapsed} is null while the turn still runs. */
    public record Turn(int number, Instant startedAt, long inputTokens, long outputTokens, Duration elapsed) {
    }

    public static QuestUsage of(Store store, String questId) {
        List<Turn> turns = new ArrayList<>();
        Instant started = null;
        long in = 0;
        long out = 0;
        long totalIn = 0;
        long totalOut = 0;
        Duration total = Duration.ZERO;
        for (JournalEntry entry : store.journal().readByType(questId, TYPES, 0)) {
            QuestEvent event = entry.event();
            if (event instanceof QuestEvent.SessionStatusRunning) {
                started = entry.processedAt();
                in = 0;
                out = 0;
            } else if (event instanceof QuestEvent.ModelRequestEnd end && end.usage() != null) {
                in += end.usage().inputTokens();
                out += end.usage().outputTokens();
                totalIn += end.usage().inputTokens();
                totalOut += end.usage().outputTokens();
            } else if (started != null) {
                Duration elapsed = Duration.between(started, entry.processedAt());
                turns.add(new Turn(turns.size() + 1, started, in, out, elapsed));
                total = total.plus(elapsed);
                started = null;
            }
        }
        if (started != null) {
            turns.add(new Turn(turns.size() + 1, started, in, out, null));
        }
        return new QuestUsage(List.copyOf(turns), totalIn, totalOut, total);
    }
}
