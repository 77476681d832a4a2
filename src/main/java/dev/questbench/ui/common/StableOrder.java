package dev.questbench.ui.common;

import dev.questbench.domain.QuestSummary;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * Orders quests pinned first, then most recent first, where "recent" is the activity a quest had when it last
 * changed status (or was loaded): a quest that keeps working stays in its place instead of jumping to the top on
 * every event, and one that finishes, fails or starts moves up. With fifty quests running that is the difference
 * between a list one can read and one that reshuffles every frame (and redraws every row).
 */
public final class StableOrder {
    private final Map<String, Instant> since = new HashMap<>();
    private final Comparator<QuestSummary> comparator = Comparator
            .comparing((QuestSummary s) -> !s.quest().pinned())
            .thenComparing(this::since, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(QuestSummary::id);

    public Comparator<QuestSummary> comparator() {
        return comparator;
    }

    /** A fresh load: every quest is ordered by its activity now. */
    public void reset(Collection<QuestSummary> quests) {
        since.clear();
        quests.forEach(summary -> since.put(summary.id(), summary.lastActivityAt()));
    }

    /**
     * A live change ({@code after} null: the quest left). A new quest, a new status or a new pin takes the quest's
     * current activity; anything else keeps its place. Call before re-sorting or moving it.
     */
    public void update(QuestSummary before, QuestSummary after) {
        if (after == null) {
            if (before != null) {
                since.remove(before.id());
            }
            return;
        }
        boolean moved = before == null || before.status() != after.status()
                || before.quest().pinned() != after.quest().pinned() || !since.containsKey(after.id());
        if (moved) {
            since.put(after.id(), after.lastActivityAt());
        }
    }

    private Instant since(QuestSummary summary) {
        return since.getOrDefault(summary.id(), summary.lastActivityAt());
    }
}
