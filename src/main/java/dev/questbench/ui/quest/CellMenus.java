package dev.questbench.ui.quest;

import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A transcript cell's right-click menus, made when first needed: on messages (Fork from here, Copy text, and on
 * the user's own Revert and Edit and resend) and on tool steps (expand, copy, the default).
 */
final class CellMenus {
    private final Supplier<TranscriptRow> shown;
    private final CardActions actions;
    private final MessageActions messages;
    private final ConversationViewModel model;
    private ContextMenu stepMenu;
    private CheckMenuItem expandByDefault;
    private ContextMenu menu;
    private MenuItem revertItem;
    private MenuItem editItem;

    /** @param shown the row the cell shows when a menu item runs */
    CellMenus(Supplier<TranscriptRow> shown, CardActions actions, MessageActions messages,
              ConversationViewModel model) {
        this.shown = shown;
        this.actions = actions;
        this.messages = messages;
        this.model = model;
    }

    /** One menu per cell, made when first needed; its items act on the message the cell shows then. */
    ContextMenu message() {
        if (menu == null) {
            MenuItem fork = new MenuItem("Fork from here", new FontIcon(Feather.GIT_BRANCH));
            fork.setId("fork-from-here");
            fork.setOnAction(event -> {
                if (shown.get() instanceof TranscriptRow.Message message) {
                    actions.forkFrom(message.entry().id());
                }
            });
            MenuItem copy = new MenuItem("Copy text", new FontIcon(Feather.COPY));
            copy.setOnAction(event -> {
                if (shown.get() instanceof TranscriptRow.Message message) {
                    copy(message.text());
                }
            });
            menu = new ContextMenu(fork, copy);
            if (messages != null) {
                revertItem = new MenuItem(MessageTools.REVERT, new FontIcon(Feather.ROTATE_CCW));
                // Their dialogs open after the menu's event: a nested loop must not run inside a menu handler.
                revertItem.setOnAction(event -> {
                    if (shown.get() instanceof TranscriptRow.Message message) {
                        Platform.runLater(() -> messages.revert(message.entry().id()));
                    }
                });
                editItem = new MenuItem(MessageTools.EDIT + "…", new FontIcon(Feather.EDIT_2));
                editItem.setOnAction(event -> {
                    if (shown.get() instanceof TranscriptRow.Message message) {
                        Platform.runLater(() -> messages.editAndResend(message.entry().id(), message.text()));
                    }
                });
                menu.getItems().addAll(revertItem, editItem);
                menu.setOnShowing(event -> showMessageItems());
            }
        }
        return menu;
    }

    /** Revert and Edit for the user's own messages only, disabled as the toolbar's buttons are. */
    private void showMessageItems() {
        boolean own = shown.get() instanceof TranscriptRow.Message message && message.fromUser();
        boolean checkpoint = shown.get() instanceof TranscriptRow.Message message && message.checkpoint();
        boolean unavailable = messages.unavailableProperty().get() != null;
        revertItem.setVisible(own);
        editItem.setVisible(own);
        revertItem.setDisable(unavailable || !checkpoint);
        editItem.setDisable(unavailable);
    }

    /** One menu for tool steps: open or close this one, copy what it ran or printed, and the default. */
    ContextMenu step() {
        if (stepMenu == null) {
            MenuItem toggle = new MenuItem("Expand or collapse", new FontIcon(Feather.CHEVRONS_DOWN));
            toggle.setOnAction(event -> {
                if (shown.get() instanceof TranscriptRow.Step step) {
                    model.toggleExpanded(step.entry().id());
                }
            });
            MenuItem copyInput = new MenuItem("Copy command or path", new FontIcon(Feather.COPY));
            copyInput.setOnAction(event -> {
                if (shown.get() instanceof TranscriptRow.Step step) {
                    copy(step.input().subject());
                }
            });
            MenuItem copyOutput = new MenuItem("Copy output", new FontIcon(Feather.CLIPBOARD));
            copyOutput.setOnAction(event -> {
                if (shown.get() instanceof TranscriptRow.Step step) {
                    copy(step.output());
                }
            });
            expandByDefault = new CheckMenuItem("Expand tool steps by default");
            expandByDefault.setId("steps-expanded-default");
            expandByDefault.setOnAction(event -> model.setStepsExpanded(expandByDefault.isSelected()));
            stepMenu = new ContextMenu(toggle, copyInput, copyOutput, new SeparatorMenuItem(), expandByDefault);
            stepMenu.setOnShowing(event -> expandByDefault.setSelected(model.stepsExpandedProperty().get()));
        }
        return stepMenu;
    }

    static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text == null ? "" : text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
