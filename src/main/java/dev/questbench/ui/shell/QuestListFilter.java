package dev.questbench.ui.shell;

import dev.questbench.domain.BoardColumn;
import dev.questbench.domain.QuestSummary;
import dev.questbench.store.QuestSort;
import java.util.Comparator;
import java.util.Set;

/**
 * How the quest list groups, orders and filters: by workspace, status or not at all; by activity, creation or
 * title; only one board column, only unread, archived too; and the quests a text search matched (null: no search).
 */
public record QuestListFilter(Grouping grouping, QuestSort sort, BoardColumn column, boolean unreadOnly,
                              boolean showArchived, Set<String> matches) {
    public static final QuestListFilter DEFAULT = new QuestListFilter(Grouping.WORKSPACE, QuestSort.RECENT_ACTIVITY,
            null, false, false, null);

    /** What the list's headings are. */
    public enum Grouping {
        WORKSPACE("Workspace"), STATUS("Status"), NONE("None");

        private final String label;

        Grouping(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public QuestListFilter {
        grouping = grouping == null ? Grouping.WORKSPACE : grouping;
        sort = sort == null ? QuestSort.RECENT_ACTIVITY : sort;
        matches = matches == null ? null : Set.copyOf(matches);
    }

    /** Whether anything differs from the default view (so Reset has something to do). */
    public boolean narrowed() {
        return column != null || unreadOnly || showArchived || matches != null
                || grouping != Grouping.WORKSPACE || sort != QuestSort.RECENT_ACTIVITY;
    }

    /** Whether a quest shows under this filter. */
    public boolean shows(QuestSummary quest) {
        return (showArchived || !quest.quest().archived())
                && (column == null || quest.status().column() == column)
                && (!unreadOnly || !quest.quest().read())
                && (matches == null || matches.contains(quest.id()));
    }

    /** The order within a group: pinned first, then the chosen sort. */
    public Comparator<QuestSummary> order(Comparator<QuestSummary> recentActivity) {
        Comparator<QuestSummary> pinned = Comparator.comparing((QuestSummary s) -> !s.quest().pinned());
        return switch (sort) {
            case CREATED -> pinned.thenComparing((QuestSummary s) -> s.quest().createdAt(),
                    Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(QuestSummary::id);
            case TITLE -> pinned.thenComparing((QuestSummary s) -> s.quest().title() == null ? ""
                    : s.quest().title(), String.CASE_INSENSITIVE_ORDER).thenComparing(QuestSummary::id);
            default -> recentActivity;
        };
    }

    public QuestListFilter withGrouping(Grouping value) {
        return new QuestListFilter(value, sort, column, unreadOnly, showArchived, matches);
    }

    public QuestListFilter withSort(QuestSort value) {
        return new QuestListFilter(grouping, value, column, unreadOnly, showArchived, matches);
    }

    public QuestListFilter withColumn(BoardColumn value) {
        return new QuestListFilter(grouping, sort, value, unreadOnly, showArchived, matches);
    }

    public QuestListFilter withUnreadOnly(boolean value) {
        return new QuestListFilter(grouping, sort, column, value, showArchived, matches);
    }

    public QuestListFilter withShowArchived(boolean value) {
        return new QuestListFilter(grouping, sort, column, unreadOnly, value, matches);
    }

    public QuestListFilter withMatches(Set<String> value) {
        return new QuestListFilter(grouping, sort, column, unreadOnly, showArchived, value);
    }
}
