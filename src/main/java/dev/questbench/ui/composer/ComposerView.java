package dev.questbench.ui.composer;

import atlantafx.base.theme.Styles;
import dev.questbench.engine.QueuedMessages;
import dev.questbench.ui.common.Command;
import dev.questbench.ui.common.CommandControls;
import dev.questbench.ui.common.Stylesheets;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The composer: queued bubbles (Edit, Remove), a multi-line input with Send (Shortcut+Enter), and a line for
 * problems and confirmations. Disabled, with a hint, while no quest is selected.
 */
public final class ComposerView extends VBox {
    private final ComposerViewModel model;
    private final VBox queued = new VBox(6);
    private final TextArea input = new TextArea();

    public ComposerView(ComposerViewModel model) {
        this.model = model;
        setId("composer");
        getStyleClass().add("composer");
        getStylesheets().add(Stylesheets.of(ComposerView.class, "composer.css"));
        queued.getStyleClass().add("queued-messages");

        input.setId("composer-input");
        input.getStyleClass().add("composer-input");
        input.setWrapText(true);
        input.setPrefRowCount(3);
        input.textProperty().bindBidirectional(model.textProperty());
        input.disableProperty().bind(model.questIdProperty().isNull());
        input.promptTextProperty().bind(Bindings.createStringBinding(model::hint, model.questIdProperty()));
        HBox.setHgrow(input, Priority.ALWAYS);
        Command send = Command.named("Send").icon(Feather.SEND).shortcut("Shortcut+Enter")
                .executableWhen(model.canSendProperty()).does(model::send);
        Button sendButton = CommandControls.button(send);
        sendButton.getStyleClass().add(Styles.ACCENT);
        sendButton.setId("composer-send");
        input.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && event.isShortcutDown()) {
                event.consume(); // a new line is plain Enter; Shortcut+Enter sends
                send.execute();
            }
        });
        HBox row = new HBox(8, input, sendButton);
        row.setAlignment(Pos.BOTTOM_RIGHT);

        Label problem = message(model.problemProperty().get());
        problem.getStyleClass().add(Styles.DANGER);
        problem.setId("composer-problem");
        problem.textProperty().bind(model.problemProperty());
        showWhenText(problem);
        Label notice = message("");
        notice.getStyleClass().add("composer-notice");
        notice.setId("composer-notice");
        notice.textProperty().bind(model.noticeProperty());
        showWhenText(notice);

        getChildren().addAll(queued, problem, notice, row);
        model.queued().addListener((ListChangeListener<QueuedMessages.Queued>) change -> rebuildQueue());
        rebuildQueue();
    }

    /** Puts the caret in the input. */
    public void focusInput() {
        input.requestFocus();
    }

    private void rebuildQueue() {
        queued.getChildren().clear();
        if (model.queued().isEmpty()) {
            queued.setManaged(false);
            queued.setVisible(false);
            return;
        }
        Label title = new Label("Queued · sent when the current round ends");
        title.getStyleClass().add("queued-title");
        queued.getChildren().add(title);
        for (QueuedMessages.Queued message : model.queued()) {
            queued.getChildren().add(new QueuedBubble(message.text(),
                    edited -> model.editQueued(message.queueId(), edited),
                    () -> model.removeQueued(message.queueId())));
        }
        queued.setManaged(true);
        queued.setVisible(true);
    }

    private static Label message(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    private static void showWhenText(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }
}
