package dev.questbench.ui.shell;

import atlantafx.base.theme.Styles;
import dev.questbench.ui.quest.ConversationView;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Find in Quest (Ctrl+F): a bar over the conversation; Enter finds the next match, Shift+Enter the previous. */
final class FindBar extends HBox {
    private final ConversationView conversation;
    private final TextField query = new TextField();
    private final Label count = new Label();

    FindBar(ConversationView conversation) {
        super(6);
        this.conversation = conversation;
        setId("find-bar");
        getStyleClass().add("find-bar");
        setAlignment(Pos.CENTER_LEFT);
        query.setId("find-query");
        query.setPromptText("Find in this quest");
        HBox.setHgrow(query, Priority.ALWAYS);
        count.setId("find-count");
        count.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        query.textProperty().addListener((observable, before, text) -> {
            int found = conversation.countMatches(text);
            count.setText(text == null || text.isBlank() ? "" : found == 1 ? "1 match" : found + " matches");
            if (found > 0) {
                conversation.find(text, 1);
            }
        });
        query.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                conversation.find(query.getText(), event.isShiftDown() ? -1 : 1);
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                close();
                event.consume();
            }
        });
        getChildren().addAll(new FontIcon(Feather.SEARCH), query, count,
                button(Feather.CHEVRON_UP, "Previous match (Shift+Enter)", () -> conversation.find(query.getText(), -1)),
                button(Feather.CHEVRON_DOWN, "Next match (Enter)", () -> conversation.find(query.getText(), 1)),
                button(Feather.X, "Close (Escape)", this::close));
        setVisible(false);
        setManaged(false);
    }

    /** Shows the bar with the caret in it. */
    void open() {
        setVisible(true);
        setManaged(true);
        query.requestFocus();
        query.selectAll();
    }

    void close() {
        setVisible(false);
        setManaged(false);
    }

    private static Button button(Feather icon, String tip, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.getStyleClass().addAll(Styles.FLAT, Styles.BUTTON_ICON);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(event -> action.run());
        return button;
    }
}
