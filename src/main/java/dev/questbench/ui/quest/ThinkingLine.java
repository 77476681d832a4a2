package dev.questbench.ui.quest;

import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The agent's thinking as a quiet collapsed "Thinking…" line; a click shows the reasoning when the backend gave
 * it. CSS sees {@code :expanded}.
 */
final class ThinkingLine extends VBox {
    private static final PseudoClass EXPANDED = PseudoClass.getPseudoClass("expanded");

    private final FontIcon chevron = new FontIcon(Feather.CHEVRON_RIGHT);
    private final Label headline = new Label("Thinking…");
    private final Label reasoning = new Label();
    private final HBox header;
    private Runnable onToggle;

    ThinkingLine() {
        getStyleClass().add("thinking-line");
        chevron.getStyleClass().add("step-chevron");
        FontIcon icon = new FontIcon(Feather.CLOUD);
        icon.getStyleClass().add("step-icon");
        headline.setGraphic(icon);
        headline.getStyleClass().add("thinking-headline");
        reasoning.getStyleClass().add("thinking-text");
        reasoning.setWrapText(true);
        reasoning.setMinHeight(USE_PREF_SIZE);
        VBox.setMargin(reasoning, new Insets(2, 0, 4, 24)); // under the text, past the chevron
        header = new HBox(6, chevron, headline);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setOnMouseClicked(event -> {
            if (onToggle != null) {
                onToggle.run();
            }
        });
        getChildren().addAll(header, reasoning);
    }

    ThinkingLine show(TranscriptRow.Thinking thinking, Runnable toggle) {
        boolean hasText = !thinking.text().isEmpty();
        onToggle = hasText ? toggle : null;
        header.setCursor(hasText ? Cursor.HAND : Cursor.DEFAULT);
        chevron.setVisible(hasText);
        chevron.setIconCode(thinking.expanded() ? Feather.CHEVRON_DOWN : Feather.CHEVRON_RIGHT);
        reasoning.setText(thinking.text());
        boolean open = hasText && thinking.expanded();
        pseudoClassStateChanged(EXPANDED, open);
        ApprovalCardSkin.show(reasoning, open);
        return this;
    }
}
