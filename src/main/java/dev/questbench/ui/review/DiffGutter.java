package dev.questbench.ui.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;

/**
 * The line-number gutter of a diff area: old and new numbers (one column each side by side), the +/− sign, and
 * markers for comments and findings with their text as a tooltip. One {@link Text} per unmarked paragraph keeps
 * scrolling cheap; numbers are padded in the monospace font instead of laid out in fixed-width labels.
 */
final class DiffGutter implements IntFunction<Node> {
    private final List<DiffRow> rows;
    private final List<String> paths;
    private final Column column;
    private final Map<String, List<DiffView.Annotation>> annotations;

    /** Which numbers a gutter shows. */
    enum Column { BOTH, OLD, NEW }

    DiffGutter(List<DiffRow> rows, List<String> paths, Column column, List<DiffView.Annotation> annotations) {
        this.rows = rows;
        this.paths = paths;
        this.column = column;
        this.annotations = new HashMap<>();
        for (DiffView.Annotation annotation : annotations) {
            this.annotations.computeIfAbsent(key(annotation.path(), annotation.side(), annotation.line()),
                    k -> new ArrayList<>()).add(annotation);
        }
    }

    @Override
    public Node apply(int paragraph) {
        DiffRow row = paragraph < rows.size() ? rows.get(paragraph) : null;
        List<DiffView.Annotation> marks = row == null ? List.of() : marks(row);
        Text numbers = new Text((row == null ? "" : numbers(row)) + (marks.isEmpty() ? "   " : " "));
        numbers.getStyleClass().add("diff-gutter-text");
        if (marks.isEmpty()) {
            return numbers; // the common case: one node per paragraph
        }
        Text marker = new Text("● ");
        marker.getStyleClass().addAll("diff-marker", "diff-marker-" + marks.get(0).kind());
        StringBuilder tip = new StringBuilder();
        for (DiffView.Annotation mark : marks) {
            tip.append(tip.length() == 0 ? "" : "\n").append(mark.text());
        }
        Tooltip.install(marker, new Tooltip(tip.toString()));
        HBox box = new HBox(numbers, marker);
        box.getStyleClass().add("diff-gutter");
        return box;
    }

    /** The annotations on a row's line, on the side its column shows. */
    List<DiffView.Annotation> marks(DiffRow row) {
        if (annotations.isEmpty() || row.kind() != DiffRow.Kind.LINE) {
            return List.of();
        }
        String path = paths.get(row.file());
        List<DiffView.Annotation> result = new ArrayList<>();
        if (row.oldNumber() > 0 && column != Column.NEW) {
            result.addAll(annotations.getOrDefault(key(path, "old", row.oldNumber()), List.of()));
        }
        if (row.newNumber() > 0 && column != Column.OLD) {
            result.addAll(annotations.getOrDefault(key(path, "new", row.newNumber()), List.of()));
        }
        return result;
    }

    private String numbers(DiffRow row) {
        if (row.kind() != DiffRow.Kind.LINE) {
            return column == Column.BOTH ? " ".repeat(13) : " ".repeat(7);
        }
        String sign = switch (row.diffLine().type()) {
            case ADDED -> "+";
            case REMOVED -> "−";
            case CONTEXT -> " ";
        };
        return switch (column) {
            case BOTH -> pad(row.oldNumber()) + " " + pad(row.newNumber()) + " " + sign;
            case OLD -> pad(row.oldNumber()) + " " + sign;
            case NEW -> pad(row.newNumber()) + " " + sign;
        };
    }

    private static String pad(int number) {
        String text = number > 0 ? Integer.toString(number) : "";
        return " ".repeat(Math.max(0, 5 - text.length())) + text;
    }

    private static String key(String path, String side, int line) {
        return path + "\n" + side + "\n" + line;
    }
}
