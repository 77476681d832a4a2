package dev.questbench.ui.composer;

import dev.questbench.ui.common.Command;
import dev.questbench.ui.common.CommandControls;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The attachments of the next message as chips above the input, each with a Remove button. */
final class AttachmentChips extends FlowPane {
    private final ComposerViewModel model;

    AttachmentChips(ComposerViewModel model) {
        super(6, 6);
        this.model = model;
        setId("composer-attachments");
        getStyleClass().add("composer-attachments");
        model.attachments().addListener((ListChangeListener<Attachment>) change -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        for (Attachment attachment : model.attachments()) {
            Label name = new Label(attachment.label(), new FontIcon(attachment.image() ? Feather.IMAGE
                    : attachment.label().endsWith("/") ? Feather.FOLDER : Feather.FILE_TEXT));
            name.getStyleClass().add("attachment-name");
            name.setTooltip(new Tooltip(attachment.file().toString()));
            Button remove = CommandControls.iconButton(Command.named("Remove " + attachment.label())
                    .icon(Feather.X).does(() -> model.removeAttachment(attachment)));
            remove.getStyleClass().add("attachment-remove");
            HBox chip = new HBox(4, name, remove);
            chip.getStyleClass().add("attachment-chip");
            getChildren().add(chip);
        }
        setVisible(!model.attachments().isEmpty());
        setManaged(isVisible());
    }
}
