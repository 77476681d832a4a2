package dev.questbench.ui.markdown;

import dev.questbench.ui.markdown.MarkdownDoc.Run;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.AccessibleRole;
import javafx.scene.Cursor;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** Styled runs as a wrapping {@link TextFlow}: one Text per run (links too, underlined and clickable), styles from CSS classes. */
final class InlineRuns {
    private static final String TIP = "md-link-tooltip";

    private InlineRuns() {
    }

    static TextFlow flow(List<Run> runs, Consumer<String> openLink, String... styleClasses) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("md-flow");
        flow.getStyleClass().addAll(styleClasses);
        for (Run run : runs) {
            flow.getChildren().add(node(run, openLink));
        }
        return flow;
    }

    private static Node node(Run run, Consumer<String> openLink) {
        Text text = new Text(run.text());
        text.getStyleClass().add("md-text");
        if (run.link() != null && !run.link().isBlank()) {
            // A Text, not a Hyperlink: a control and its skin per link made scrolling long replies slow.
            text.getStyleClass().add("md-link");
            text.setCursor(Cursor.HAND);
            text.setAccessibleRole(AccessibleRole.HYPERLINK);
            text.setAccessibleHelp(run.link());
            text.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY) {
                    openLink.accept(run.link());
                }
            });
            text.setOnMouseEntered(event -> {
                if (text.getProperties().putIfAbsent(TIP, Boolean.TRUE) == null) {
                    Tooltip.install(text, new Tooltip(run.link())); // on first hover: tooltips are costly to make
                }
            });
        }
        if (run.has(MarkdownDoc.BOLD)) {
            text.getStyleClass().add("md-strong");
        }
        if (run.has(MarkdownDoc.ITALIC)) {
            text.getStyleClass().add("md-em");
        }
        if (run.has(MarkdownDoc.STRIKE)) {
            text.getStyleClass().add("md-strike");
        }
        if (run.has(MarkdownDoc.CODE)) {
            text.getStyleClass().add("md-code");
        }
        return text;
    }
}
