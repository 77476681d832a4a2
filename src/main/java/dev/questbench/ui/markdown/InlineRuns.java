package dev.questbench.ui.markdown;

import dev.questbench.ui.markdown.MarkdownDoc.Run;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** Styled runs as a wrapping {@link TextFlow}: one Text per run, a Hyperlink per link, styles from CSS classes. */
final class InlineRuns {
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
        if (run.link() != null && !run.link().isBlank()) {
            Hyperlink link = new Hyperlink(run.text());
            link.getStyleClass().add("md-link");
            link.setFocusTraversable(false);
            link.setTooltip(new Tooltip(run.link()));
            link.setOnAction(event -> openLink.accept(run.link()));
            return link;
        }
        Text text = new Text(run.text());
        text.getStyleClass().add("md-text");
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
