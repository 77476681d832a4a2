package dev.questbench.store;

import dev.questbench.domain.QuestStatus;
import java.util.Set;

/**
 * A filter and order for quest lists.
 *
 * @param workspaceId     only this workspace's quests; null for all, {@link #NO_WORKSPACE} for unbound ones
 * @param statuses        only these statuses; empty for all
 * @param text            words that must all appear in the title or in a message (case-insensitive); null for all
 * @param includeArchived archived quests too
 * @param groupByWorkspace order by workspace first, so a list can show one group per workspace
 * @param limit           at most this many rows; 0 for no limit
 */
public record QuestQuery(String workspaceId, Set<QuestStatus> statuses, String text, boolean includeArchived,
                         QuestSort sort, boolean groupByWorkspace, int limit) {
    public static final String NO_WORKSPACE = "";
    public static final QuestQuery ALL = new QuestQuery(null, Set.of(), null, false, QuestSort.RECENT_ACTIVITY,
            false, 0);

    public QuestQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        sort = sort == null ? QuestSort.RECENT_ACTIVITY : sort;
    }

    public QuestQuery withWorkspace(String id) {
        return new QuestQuery(id, statuses, text, includeArchived, sort, groupByWorkspace, limit);
    }

    public QuestQuery withText(String words) {
        return new QuestQuery(workspaceId, statuses, words, includeArchived, sort, groupByWorkspace, limit);
    }

    public QuestQuery withSort(QuestSort order) {
        return new QuestQuery(workspaceId, statuses, text, includeArchived, order, groupByWorkspace, limit);
    }

    public QuestQuery grouped() {
        return new QuestQuery(workspaceId, statuses, text, includeArchived, sort, true, limit);
    }
}
