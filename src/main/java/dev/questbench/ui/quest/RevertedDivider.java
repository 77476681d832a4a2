package dev.questbench.ui.quest;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Where the files were reverted: a divider across the conversation, so later turns read as a fresh start. */
final class RevertedDivider extends HBox {
    private final Label headline = new Label();
    private final Tooltip safety = new Tooltip();

    RevertedDivider() {
        super(10);
        getStyleClass().add("reverted-divider");
        headline.setGraphic(new FontIcon(Feather.ROTATE_CCW));
        headline.getStyleClass().add("reverted-headline");
        headline.setMinWidth(Region.USE_PREF_SIZE);
        headline.setTooltip(safety);
        Separator left = new Separator();
        Separator right = new Separator();
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        setAlignment(Pos.CENTER);
        getChildren().addAll(left, headline, right);
    }

    RevertedDivider show(TranscriptRow.Reverted row) {
        headline.setText(headline(row));
        String commit = row.safetyCommit() == null ? "" : row.safetyCommit();
        safety.setText("The files as they were just before are kept in a safety snapshot"
                + (commit.isBlank() ? "." : " (commit " + commit.substring(0, Math.min(7, commit.length())) + ")."));
        return this;
    }

    static String headline(TranscriptRow.Reverted row) {
        return "Files reverted to before turn " + row.turn();
    }
}
