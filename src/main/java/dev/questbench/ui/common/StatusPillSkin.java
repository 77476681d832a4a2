package dev.questbench.ui.common;

import dev.questbench.domain.QuestStatus;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/** Draws a {@link StatusPill}: a dot and the status label inside a rounded, tinted box. */
final class StatusPillSkin extends SkinBase<StatusPill> {
    private final Label label = new Label();
    private final Runnable unbind;

    StatusPillSkin(StatusPill pill) {
        super(pill);
        consumeMouseEvents(false);
        Region dot = new Region();
        dot.getStyleClass().add("dot");
        label.getStyleClass().add("text");
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(dot, label);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("box");
        getChildren().add(box);
        update(pill.getStatus());
        unbind = () -> unregisterChangeListeners(pill.statusProperty());
        registerChangeListener(pill.statusProperty(), observable -> update(pill.getStatus()));
    }

    private void update(QuestStatus status) {
        label.setText(status == null ? "" : status.label());
    }

    @Override
    public void dispose() {
        unbind.run();
        super.dispose();
    }
}
