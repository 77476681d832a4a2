package dev.questbench.ui.notify;

import atlantafx.base.theme.Styles;
import dev.questbench.engine.Notification;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One toast card: kind icon, heading, quest title, message and a close button. It closes itself after
 * {@link #SHOWN_FOR} unless the pointer rests on it or it is sticky (Action Required). CSS sees the kind as
 * a pseudo-class ({@code :action-required}, {@code :ready}, {@code :error}, {@code :missed-schedule}).
 */
final class ToastView extends HBox {
    static final Duration SHOWN_FOR = Duration.seconds(6);

    private final PauseTransition timer = new PauseTransition(SHOWN_FOR);

    ToastView(Toast toast, NotificationCenter center) {
        getStyleClass().add("toast");
        setId("toast-" + toast.serial());
        pseudoClassStateChanged(PseudoClass.getPseudoClass(kindName(toast.kind())), true);
        setCursor(Cursor.HAND);

        FontIcon icon = new FontIcon(icon(toast.kind()));
        icon.getStyleClass().add("toast-icon");
        Label heading = new Label(toast.heading());
        heading.getStyleClass().add("toast-heading");
        Label title = new Label(toast.title());
        title.getStyleClass().add("toast-title");
        Label message = new Label(toast.message());
        message.getStyleClass().add("toast-message");
        message.setWrapText(true);
        message.setVisible(!toast.message().isBlank());
        message.setManaged(message.isVisible());
        VBox text = new VBox(2, heading, title, message);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);

        Button close = new Button(null, new FontIcon(Feather.X));
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL, "toast-close");
        close.setAccessibleText("Dismiss");
        close.setFocusTraversable(false);
        close.setOnAction(event -> center.dismiss(toast));
        close.addEventHandler(MouseEvent.MOUSE_CLICKED, MouseEvent::consume); // not a click on the toast

        setSpacing(10);
        setAlignment(Pos.TOP_LEFT);
        getChildren().addAll(icon, text, close);
        setOnMouseClicked(event -> center.activate(toast));

        if (!toast.sticky()) {
            timer.setOnFinished(event -> center.dismiss(toast));
            setOnMouseEntered(event -> timer.stop());
            setOnMouseExited(event -> timer.playFromStart());
            timer.play();
        }
    }

    /** Stops the timer once the toast has left the stack. */
    void dispose() {
        timer.stop();
    }

    static String kindName(Notification.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Ikon icon(Notification.Kind kind) {
        return switch (kind) {
            case ACTION_REQUIRED -> Feather.ALERT_CIRCLE;
            case READY -> Feather.CHECK_CIRCLE;
            case ERROR -> Feather.X_CIRCLE;
            case MISSED_SCHEDULE -> Feather.CLOCK;
        };
    }
}
