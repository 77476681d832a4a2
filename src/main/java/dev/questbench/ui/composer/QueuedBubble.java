package dev.questbench.ui.composer;

import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** A message waiting for the current round to end: its text with Edit and Remove, or an editor while editing. */
final class QueuedBubble extends HBox {
    private final Label text = new Label();
    private final TextArea editor = new TextArea();
    private final Button edit = button("Edit", Feather.EDIT_2, "queued-edit");
    private final Button remove = button("Remove", Feather.X, "queued-remove");
    private final Button save = button("Save", Feather.CHECK, "queued-save");
    private final Button cancel = button("Cancel", null, "queued-cancel");

    QueuedBubble(String message, Consumer<String> onEdit, Runnable onRemove) {
        super(8);
        getStyleClass().add("queued-bubble");
        setAlignment(Pos.CENTER_LEFT);
        FontIcon clock = new FontIcon(Feather.CLOCK);
        clock.getStyleClass().add("queued-icon");
        text.setText(message);
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.getStyleClass().add("queued-text");
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        editor.setWrapText(true);
        editor.setPrefRowCount(2);
        editor.setId("queued-editor");
        HBox.setHgrow(editor, Priority.ALWAYS);
        edit.setOnAction(event -> editing(true));
        remove.setOnAction(event -> onRemove.run());
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(event -> {
            onEdit.accept(editor.getText());
            editing(false);
        });
        cancel.setOnAction(event -> editing(false));
        getChildren().addAll(clock, text, editor, edit, remove, save, cancel);
        editing(false);
    }

    private void editing(boolean on) {
        if (on) {
            editor.setText(text.getText());
        }
        show(text, !on);
        show(edit, !on);
        show(remove, !on);
        show(editor, on);
        show(save, on);
        show(cancel, on);
        if (on) {
            editor.requestFocus();
        }
    }

    private static void show(javafx.scene.Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    private static Button button(String name, Feather icon, String id) {
        Button button = icon == null ? new Button(name) : new Button(name, new FontIcon(icon));
        button.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }
}
