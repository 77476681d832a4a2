package dev.questbench.ui.quest;

import dev.questbench.ui.common.TokenCount;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Where older messages were summarised for the context window: a divider, the summary on expand. */
final class CompactedDivider extends VBox {
    private static final PseudoClass EXPANDED = PseudoClass.getPseudoClass("expanded");

    private final FontIcon chevron = new FontIcon(Feather.CHEVRON_RIGHT);
    private final Label headline = new Label();
    private final Label summary = new Label();
    private Runnable onToggle;

    CompactedDivider() {
        getStyleClass().add("compacted-divider");
        chevron.getStyleClass().add("step-chevron");
        headline.setGraphic(chevron);
        headline.getStyleClass().add("compacted-headline");
        headline.setWrapText(true);
        headline.setMinWidth(Region.USE_PREF_SIZE);
        Separator left = new Separator();
        Separator right = new Separator();
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox line = new HBox(10, left, headline, right);
        line.setAlignment(Pos.CENTER);
        line.setCursor(Cursor.HAND);
        line.setOnMouseClicked(event -> {
            if (onToggle != null) {
                onToggle.run();
            }
        });
        summary.getStyleClass().add("compacted-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(line, summary);
    }

    CompactedDivider show(TranscriptRow.Compacted row, Runnable toggle) {
        onToggle = toggle;
        headline.setText(headline(row));
        chevron.setIconCode(row.expanded() ? Feather.CHEVRON_DOWN : Feather.CHEVRON_RIGHT);
        pseudoClassStateChanged(EXPANDED, row.expanded());
        summary.setText(row.summary().isBlank() ? "(no summary)" : row.summary());
        ApprovalCardSkin.show(summary, row.expanded());
        return this;
    }

    static String headline(TranscriptRow.Compacted row) {
        String tokens = row.tokensAfter() > 0
                ? " (" + TokenCount.compact(row.tokensBefore()) + " → " + TokenCount.compact(row.tokensAfter())
                + " tokens)"
                : row.tokensBefore() > 0 ? " (" + TokenCount.compact(row.tokensBefore()) + " tokens)" : "";
        return "Earlier messages were summarised to fit the context window" + tokens;
    }
}
