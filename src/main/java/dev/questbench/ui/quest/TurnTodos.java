package dev.questbench.ui.quest;

import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.domain.event.QuestEvent.TodoUpdated.TodoItem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's to-do lists, one checklist per turn: the first list after a user message becomes the turn's row,
 * and later lists of that turn update it in place instead of adding rows.
 */
final class TurnTodos {
    private final Map<String, List<TodoItem>> lists = new HashMap<>();
    private String card;

    void clear() {
        card = null;
        lists.clear();
    }

    /** A user message starts a turn: its first list gets a row of its own. */
    void turnStarted() {
        card = null;
    }

    void updated(JournalEntry entry, QuestEvent.TodoUpdated todo) {
        card = card == null ? entry.id() : card;
        lists.put(card, todo.todos() == null ? List.of() : List.copyOf(todo.todos()));
    }

    /** The row a list starts as: the turn's checklist, or null when it only updates that. */
    TranscriptRow row(JournalEntry entry) {
        return entry.id().equals(card) ? new TranscriptRow.Todos(entry, lists.get(card)) : null;
    }

    /** The checklist with the turn's latest list. */
    TranscriptRow current(TranscriptRow.Todos row) {
        List<TodoItem> items = lists.get(row.entry().id());
        return items == null ? row : new TranscriptRow.Todos(row.entry(), items);
    }
}
