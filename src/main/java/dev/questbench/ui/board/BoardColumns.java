package dev.questbench.ui.board;

import dev.questbench.domain.BoardColumn;
import dev.questbench.domain.QuestSummary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The three sorted card lists of the board, changed card by card so lists (and their cells) stay put. */
final class BoardColumns {
    private final Comparator<QuestSummary> order;
    private final Map<BoardColumn, ObservableList<QuestSummary>> lists = new EnumMap<>(BoardColumn.class);
    private final Map<BoardColumn, ObservableList<QuestSummary>> views = new EnumMap<>(BoardColumn.class);

    BoardColumns(Comparator<QuestSummary> order) {
        this.order = order;
        for (BoardColumn column : BoardColumn.values()) {
            ObservableList<QuestSummary> list = FXCollections.observableArrayList();
            lists.put(column, list);
            views.put(column, FXCollections.unmodifiableObservableList(list));
        }
    }

    ObservableList<QuestSummary> view(BoardColumn column) {
        return views.get(column);
    }

    /** Replaces every column's cards with these, sorted. */
    void fill(List<QuestSummary> summaries) {
        Map<BoardColumn, List<QuestSummary>> split = new EnumMap<>(BoardColumn.class);
        for (BoardColumn column : BoardColumn.values()) {
            split.put(column, new ArrayList<>());
        }
        for (QuestSummary summary : summaries) {
            split.get(summary.status().column()).add(summary);
        }
        split.forEach((column, cards) -> {
            cards.sort(order);
            lists.get(column).setAll(cards);
        });
    }

    /** Moves one card: {@code before} leaves its column (if shown), {@code after} enters its own (if shown). */
    void move(QuestSummary before, QuestSummary after) {
        if (before != null && after != null && before.status().column() == after.status().column()) {
            ObservableList<QuestSummary> list = lists.get(after.status().column());
            int at = indexOf(list, before.id());
            if (at >= 0 && fitsAt(list, at, after)) {
                list.set(at, after); // same place: the cell just refreshes
                return;
            }
        }
        if (before != null) {
            ObservableList<QuestSummary> list = lists.get(before.status().column());
            int at = indexOf(list, before.id());
            if (at >= 0) {
                list.remove(at);
            }
        }
        if (after != null) {
            ObservableList<QuestSummary> list = lists.get(after.status().column());
            int found = Collections.binarySearch(list, after, order);
            list.add(found >= 0 ? found : -found - 1, after);
        }
    }

    private boolean fitsAt(List<QuestSummary> list, int at, QuestSummary card) {
        return (at == 0 || order.compare(list.get(at - 1), card) <= 0)
                && (at == list.size() - 1 || order.compare(card, list.get(at + 1)) <= 0);
    }

    private static int indexOf(List<QuestSummary> list, String id) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
