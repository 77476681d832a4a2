package dev.questbench.ui.quest;

import atlantafx.base.theme.Styles;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The small toolbar on the user's own message: Revert files to before this turn, and Edit and resend. A button
 * that cannot run now stays visible, disabled, with a tooltip saying why (tooltips sit on a wrapper, since a
 * disabled button shows none).
 */
final class MessageTools extends HBox {
    static final String REVERT = "Revert files to before this turn";
    static final String EDIT = "Edit and resend";
    static final String NO_CHECKPOINT = "No checkpoint was taken before this message, so its files cannot be restored.";

    private final MessageActions actions;
    private final Button revert = button(Feather.ROTATE_CCW, "revert-turn", REVERT);
    private final Button edit = button(Feather.EDIT_2, "edit-resend", EDIT);
    private final Tooltip revertTip = new Tooltip();
    private final Tooltip editTip = new Tooltip();
    // Held here: the actions outlive this cell and only know it weakly.
    private final InvalidationListener refresh = observable -> update();
    private TranscriptRow.Message message;

    MessageTools(MessageActions actions) {
        super(2);
        this.actions = actions;
        getStyleClass().add("message-tools");
        setAlignment(Pos.CENTER_RIGHT);
        revert.setOnAction(event -> {
            if (message != null) {
                actions.revert(message.entry().id());
            }
        });
        edit.setOnAction(event -> {
            if (message != null) {
                actions.editAndResend(message.entry().id(), message.text());
            }
        });
        for (Tooltip tip : new Tooltip[] {revertTip, editTip}) {
            tip.setWrapText(true);
            tip.setMaxWidth(380);
        }
        getChildren().addAll(wrap(revert, revertTip), wrap(edit, editTip));
        actions.unavailableProperty().addListener(new WeakInvalidationListener(refresh));
    }

    MessageTools show(TranscriptRow.Message shown) {
        message = shown;
        update();
        return this;
    }

    private void update() {
        String why = actions.unavailableProperty().get();
        boolean checkpoint = message != null && message.checkpoint();
        revert.setDisable(why != null || !checkpoint);
        revertTip.setText(why != null ? REVERT + ": " + why : checkpoint ? REVERT : REVERT + ": " + NO_CHECKPOINT);
        edit.setDisable(why != null);
        editTip.setText(why != null ? EDIT + ": " + why : EDIT);
    }

    private static Button button(Feather icon, String id, String name) {
        Button button = new Button(null, new FontIcon(icon));
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        button.setId(id);
        button.setAccessibleText(name);
        button.setFocusTraversable(false);
        return button;
    }

    private static StackPane wrap(Button button, Tooltip tooltip) {
        StackPane wrapper = new StackPane(button);
        wrapper.getStyleClass().add("message-tool");
        Tooltip.install(wrapper, tooltip);
        return wrapper;
    }
}
