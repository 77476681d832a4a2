package dev.questbench.ui.composer;

import atlantafx.base.theme.Styles;
import dev.questbench.domain.PermissionMode;
import dev.questbench.engine.QueuedMessages;
import dev.questbench.ui.common.Command;
import dev.questbench.ui.common.CommandControls;
import dev.questbench.ui.common.PermissionModeText;
import dev.questbench.ui.common.Stylesheets;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The composer: queued bubbles (Edit, Remove), attachment chips, the {@code @}/{@code /} suggestion list, a
 * multi-line input (Enter sends, Shift+Enter adds a line) with Send and, while a turn runs, Stop; the quest's model
 * and permission-mode pickers under it. Files dropped or pasted onto it are attached. Disabled, with a hint, while
 * no quest is selected.
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
        input.caretPositionProperty().addListener((o, before, caret) -> followCaret());
        input.textProperty().addListener((o, before, after) -> followCaret());
        input.focusedProperty().addListener((o, before, focused) -> {
            if (!focused) {
                model.completion().dismiss();
                model.keepDraft(); // so a crash loses at most what was typed since
            }
        });
        HBox.setHgrow(input, Priority.ALWAYS);
        Command send = Command.named("Send").icon(Feather.SEND).shortcut("Enter")
                .executableWhen(model.canSendProperty()).does(model::send);
        Button sendButton = CommandControls.button(send);
        sendButton.getStyleClass().add(Styles.ACCENT);
        sendButton.setId("composer-send");
        sendButton.textProperty().bind(Bindings.when(model.canStopProperty()).then("Queue").otherwise("Send"));
        Command stop = Command.named("Stop").icon(Feather.SQUARE).shortcut("Shortcut+Period")
                .executableWhen(model.canStopProperty()).does(model::stop);
        Button stopButton = CommandControls.button(stop);
        stopButton.getStyleClass().add(Styles.DANGER);
        stopButton.setId("composer-stop");
        stopButton.visibleProperty().bind(model.canStopProperty());
        stopButton.managedProperty().bind(stopButton.visibleProperty());
        input.addEventFilter(KeyEvent.KEY_PRESSED, event -> keyPressed(event, send));
        HBox row = new HBox(8, input, new VBox(6, sendButton, stopButton));
        row.setAlignment(Pos.BOTTOM_RIGHT);

        Label problem = message();
        problem.getStyleClass().add(Styles.DANGER);
        problem.setId("composer-problem");
        problem.textProperty().bind(model.problemProperty());
        showWhenText(problem);
        Label notice = message();
        notice.getStyleClass().add("composer-notice");
        notice.setId("composer-notice");
        notice.textProperty().bind(model.noticeProperty());
        showWhenText(notice);

        CompletionList completion = new CompletionList(model.completion(), item -> choose());
        getChildren().addAll(queued, new AttachmentChips(model), problem, notice, completion, row, pickers());
        model.queued().addListener((ListChangeListener<QueuedMessages.Queued>) change -> rebuildQueue());
        rebuildQueue();
        setOnDragOver(this::dragOver);
        setOnDragDropped(this::dropped);
    }

    /** Puts the caret in the input. */
    public void focusInput() {
        input.requestFocus();
    }

    private void keyPressed(KeyEvent event, Command send) {
        Completion completion = model.completion();
        if (completion.showingProperty().get()) {
            switch (event.getCode()) {
                case UP -> completion.move(-1);
                case DOWN -> completion.move(1);
                case ENTER, TAB -> {
                    if (!choose()) {
                        return; // nothing to choose: Enter sends, Tab moves on
                    }
                }
                case ESCAPE -> completion.dismiss();
                case F5 -> model.refreshFiles(); // files changed on disk since the index was built
                default -> {
                    return;
                }
            }
            event.consume();
            return;
        }
        if (event.getCode() == KeyCode.ENTER) {
            event.consume();
            if (event.isShiftDown()) {
                input.replaceSelection("\n");
            } else {
                send.execute();
            }
        } else if (event.getCode() == KeyCode.V && event.isShortcutDown() && pasteAttachments()) {
            event.consume();
        }
    }

    private boolean choose() {
        Completion.Accepted accepted = model.acceptCompletion();
        if (accepted == null) {
            return false;
        }
        input.positionCaret(accepted.caret());
        input.requestFocus();
        return true;
    }

    private void followCaret() {
        if (input.isFocused() || model.completion().showingProperty().get()) {
            model.completion().update(input.getText(), input.getCaretPosition());
        }
    }

    /** Pasted files, or a pasted picture (saved as a PNG first), become attachments; text pastes as usual. */
    private boolean pasteAttachments() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (clipboard.hasFiles()) {
            clipboard.getFiles().forEach(file -> model.attachFile(file.toPath()));
            return true;
        }
        if (clipboard.hasImage() && !clipboard.hasString()) {
            PastedImages.save(clipboard.getImage(), model::attachFile, model::reportProblem);
            return true;
        }
        return false;
    }

    private void dragOver(DragEvent event) {
        if (event.getDragboard().hasFiles() && model.questIdProperty().get() != null) {
            event.acceptTransferModes(TransferMode.COPY);
            event.consume();
        }
    }

    private void dropped(DragEvent event) {
        List<File> files = event.getDragboard().getFiles();
        files.stream().map(File::toPath).map(Path::toAbsolutePath).forEach(model::attachFile);
        event.setDropCompleted(!files.isEmpty());
        event.consume();
    }

    private HBox pickers() {
        QuestChoices choices = model.choices();
        ComboBox<QuestChoices.ModelOption> modelPicker = new ComboBox<>(choices.models());
        modelPicker.setId("composer-model");
        modelPicker.valueProperty().bindBidirectional(choices.modelProperty());
        modelPicker.setTooltip(new javafx.scene.control.Tooltip("The model this quest's next turns use"));
        ComboBox<PermissionMode> permission = new ComboBox<>();
        permission.getItems().setAll(PermissionMode.values());
        permission.setId("composer-permission");
        permission.valueProperty().bindBidirectional(choices.permissionModeProperty());
        permission.setConverter(PermissionModeText.CONVERTER);
        permission.setTooltip(new javafx.scene.control.Tooltip("How freely the agent may act in this quest"));
        for (ComboBox<?> box : List.of(modelPicker, permission)) {
            box.getStyleClass().addAll(Styles.SMALL, "composer-picker");
            box.disableProperty().bind(model.canStopProperty()); // the running turn keeps its session
        }
        Label keys = new Label("@ attach a file  ·  / commands  ·  Shift+Enter new line");
        keys.getStyleClass().add("composer-keys");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, modelPicker, permission, gap, keys);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.visibleProperty().bind(choices.availableProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
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

    private static Label message() {
        Label label = new Label();
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    private static void showWhenText(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }
}
