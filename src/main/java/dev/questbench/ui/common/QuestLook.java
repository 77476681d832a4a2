package dev.questbench.ui.common;

import dev.questbench.domain.QuestSummary;
import java.util.Objects;

/**
 * Whether two summaries of one quest look the same in a list row or on a card: same quest fields, status,
 * token count as shown, and last activity to within 10 s (shown as "just now", "3 min ago"). A running quest
 * changes its summary on every event; most of those changes show nothing new and need no redraw.
 */
public final class QuestLook {
    private static final long ACTIVITY_GRAIN_MILLIS = 10_000;

    private QuestLook() {
    }

    public static boolean same(QuestSummary a, QuestSummary b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        return a.status() == b.status() && a.quest().equals(b.quest())
                && grain(a) == grain(b)
                && TokenCount.total(a.inputTokens(), a.outputTokens())
                        .equals(TokenCount.total(b.inputTokens(), b.outputTokens()));
    }

    private static long grain(QuestSummary summary) {
        return summary.lastActivityAt() == null ? Long.MIN_VALUE
                : Objects.requireNonNull(summary.lastActivityAt()).toEpochMilli() / ACTIVITY_GRAIN_MILLIS;
    }
}
