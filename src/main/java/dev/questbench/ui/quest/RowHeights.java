package dev.questbench.ui.quest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Heights the conversation's rows had at a width, so the list's measuring cell can answer without building the
 * row. JavaFX's list forgets every row's size whenever the number of rows changes, and at the bottom it measures
 * all of them again: without this, each new message rebuilt every Markdown reply of the page once more.
 */
final class RowHeights {
    private static final int KEPT = 5_000;

    private final Map<String, Double> heights = new LinkedHashMap<>(256, 0.75f, true);

    /** The height this row had at this width, or null when not known. */
    Double get(TranscriptRow row, double width) {
        return heights.get(key(row, width));
    }

    void put(TranscriptRow row, double width, double height) {
        heights.put(key(row, width), height);
        if (heights.size() > KEPT) {
            heights.remove(heights.keySet().iterator().next());
        }
    }

    /** Rows are records: equal content, equal key; a row that changes (a card answered) gets a new one. */
    private static String key(TranscriptRow row, double width) {
        return row.entry().id() + '#' + row.hashCode() + '#' + Math.round(width);
    }
}
