package dev.questbench.ui.quest;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A tool's output or a change preview in monospace; as a diff, added and removed lines are coloured by CSS
 * ({@code .diff-add}, {@code .diff-remove}, {@code .diff-hunk}, {@code .diff-file}).
 */
final class OutputLines extends TextFlow {
    private String shownText;
    private boolean shownDiff;

    OutputLines() {
        getStyleClass().add("output-lines");
    }

    void show(String text, boolean diff) {
        String value = text == null ? "" : text;
        if (value.equals(shownText) && diff == shownDiff) {
            return;
        }
        shownText = value;
        shownDiff = diff;
        if (!diff) {
            getChildren().setAll(line(value, "output-text"));
            return;
        }
        List<Node> lines = new ArrayList<>();
        String[] parts = value.split("\n", -1);
        for (int i = 0; i < parts.length; i++) {
            lines.add(line(i < parts.length - 1 ? parts[i] + "\n" : parts[i], kind(parts[i])));
        }
        getChildren().setAll(lines);
    }

    /** The CSS class for one line of a unified diff. */
    static String kind(String line) {
        if (line.startsWith("+++ ") || line.startsWith("--- ")) {
            return "diff-file";
        }
        if (line.startsWith("@@")) {
            return "diff-hunk";
        }
        if (line.startsWith("+")) {
            return "diff-add";
        }
        return line.startsWith("-") ? "diff-remove" : "output-text";
    }

    private static Text line(String text, String styleClass) {
        Text node = new Text(text);
        node.getStyleClass().addAll("output-line", styleClass);
        return node;
    }
}
