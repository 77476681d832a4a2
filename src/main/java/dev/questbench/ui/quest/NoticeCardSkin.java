package dev.questbench.ui.quest;

import atlantafx.base.theme.Styles;
import dev.questbench.ui.quest.TranscriptRow.NoticeKind;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Lays out a {@link NoticeCard}: icon and title, the message, and the action button while open. */
final class NoticeCardSkin extends SkinBase<NoticeCard> {
    private final FontIcon icon = new FontIcon();
    private final Label title = new Label();
    private final Label message = new Label();
    private final Button action = new Button();

    NoticeCardSkin(NoticeCard card) {
        super(card);
        icon.getStyleClass().add("card-icon");
        title.setGraphic(icon);
        title.getStyleClass().add("card-title");
        message.getStyleClass().add("card-text");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        action.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
        action.setMinWidth(Region.USE_PREF_SIZE);
        action.setOnAction(event -> {
            Runnable run = card.onActionProperty().get();
            if (run != null) {
                run.run();
            }
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(8, title, gap, action);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, top, message);
        box.getStyleClass().add("card-box");
        getChildren().add(box);
        registerChangeListener(card.kindProperty(), o -> update());
        registerChangeListener(card.messageProperty(), o -> update());
        registerChangeListener(card.openProperty(), o -> update());
        update();
    }

    private void update() {
        NoticeCard card = getSkinnable();
        boolean error = card.kindProperty().get() == NoticeKind.ERROR;
        icon.setIconCode(error ? Feather.ALERT_TRIANGLE : Feather.PAUSE_CIRCLE);
        title.setText(error ? "The turn failed" : "Interrupted");
        message.setText(card.messageProperty().get());
        action.setText(error ? "Retry" : "Resume");
        action.setGraphic(new FontIcon(error ? Feather.ROTATE_CW : Feather.PLAY));
        action.setId(error ? "retry-card" : "resume-card");
        ApprovalCardSkin.show(action, card.openProperty().get());
    }
}
