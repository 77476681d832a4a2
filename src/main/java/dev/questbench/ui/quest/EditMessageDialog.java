package dev.questbench.ui.quest;

import dev.questbench.ui.common.DialogService;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

/** Edit and resend: the message in a text area, to change and send again; the result is the new text. */
public final class EditMessageDialog extends Dialog<String> {
    static final ButtonType SEND = new ButtonType("Send…", ButtonBar.ButtonData.OK_DONE);

    private final TextArea text = new TextArea();

    public EditMessageDialog(String message) {
        setTitle("Edit and resend");
        setHeaderText(null);
        text.setId("edit-message-text");
        text.setText(message);
        text.setWrapText(true);
        text.setPrefRowCount(8);
        text.setPrefColumnCount(60);
        Label note = new Label("The files go back to how they were before this message, then the new text is sent.");
        note.setWrapText(true);
        note.getStyleClass().add("qb-muted");
        getDialogPane().setContent(new VBox(10, text, note));
        getDialogPane().getButtonTypes().setAll(SEND, ButtonType.CANCEL);
        getDialogPane().lookupButton(SEND).disableProperty().bind(text.textProperty().map(String::isBlank));
        setResultConverter(button -> button == SEND ? text.getText().strip() : null);
        Platform.runLater(text::requestFocus);
    }

    /** The editor the window uses: this dialog, modal to the main window. */
    public static MessageEditor editor(DialogService dialogs) {
        return message -> dialogs.showAndWait(new EditMessageDialog(message));
    }
}
