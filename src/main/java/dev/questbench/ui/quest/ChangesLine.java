package dev.questbench.ui.quest;

import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** After a turn that changed files: "Changed 2 files: a.txt, b.txt" and a Review link into the Review tab. */
final class ChangesLine extends HBox {
    private static final int NAMED = 3;

    private final Label summary = new Label();
    private final Hyperlink review = new Hyperlink("Review changes");
    private final Tooltip all = new Tooltip();
    private boolean latest;

    ChangesLine(Consumer<Boolean> onReview) {
        super(8);
        getStyleClass().add("changes-line");
        summary.setGraphic(new FontIcon(Feather.FILE_TEXT));
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.setTooltip(all);
        summary.setMinWidth(0);
        review.setId("changes-review");
        review.setOnAction(event -> onReview.accept(latest));
        setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(summary, review);
    }

    ChangesLine show(TranscriptRow.Changes row, boolean isLatest) {
        latest = isLatest;
        summary.setText(text(row));
        all.setText(String.join("\n", row.paths()));
        review.setTooltip(new Tooltip(isLatest ? "Open the Review tab on this turn's changes"
                : "Open the Review tab on all of this quest's changes"));
        return this;
    }

    static String text(TranscriptRow.Changes row) {
        int count = row.paths().size();
        String names = String.join(", ", row.paths().stream().limit(NAMED)
                .map(path -> path.substring(path.lastIndexOf('/') + 1)).toList());
        return "Changed " + count + (count == 1 ? " file: " : " files: ") + names
                + (count > NAMED ? " and " + (count - NAMED) + " more" : "");
    }
}
