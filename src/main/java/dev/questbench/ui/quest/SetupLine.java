package dev.questbench.ui.quest;

import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The worktree's setup script as one small line (running…, finished, failed) with the end of its output on
 * expand. CSS sees {@code :attention} when it failed and {@code :expanded}.
 */
final class SetupLine extends VBox {
    private static final PseudoClass ATTENTION = PseudoClass.getPseudoClass("attention");
    private static final PseudoClass EXPANDED = PseudoClass.getPseudoClass("expanded");

    private final FontIcon chevron = new FontIcon(Feather.CHEVRON_RIGHT);
    private final Label headline = new Label("Setup script");
    private final Label outcome = new Label();
    private final OutputLines output = new OutputLines();
    private final VBox outputBox = new VBox(output);
    private Runnable onToggle;

    SetupLine() {
        getStyleClass().addAll("hook-line", "setup-line");
        chevron.getStyleClass().add("step-chevron");
        FontIcon icon = new FontIcon(Feather.TERMINAL);
        icon.getStyleClass().add("step-icon");
        headline.setGraphic(icon);
        headline.getStyleClass().addAll("hook-headline", "setup-headline");
        headline.setMinWidth(USE_PREF_SIZE);
        outcome.getStyleClass().addAll("hook-outcome", "setup-outcome");
        outcome.setMinWidth(0);
        HBox.setHgrow(outcome, Priority.ALWAYS);
        HBox header = new HBox(6, chevron, headline, outcome);
        header.getStyleClass().add("setup-header");
        header.setAlignment(Pos.CENTER_LEFT);
        header.setCursor(Cursor.HAND);
        header.setOnMouseClicked(event -> {
            if (onToggle != null) {
                onToggle.run();
            }
        });
        outputBox.getStyleClass().addAll("step-output", "setup-output");
        VBox.setMargin(outputBox, new Insets(0, 0, 4, 24)); // under the text, past the chevron
        getChildren().addAll(header, outputBox);
    }

    SetupLine show(TranscriptRow.Setup row, Runnable toggle) {
        onToggle = toggle;
        outcome.setText(outcome(row));
        pseudoClassStateChanged(ATTENTION, row.exitCode() != null && row.exitCode() != 0);
        pseudoClassStateChanged(EXPANDED, row.expanded());
        chevron.setIconCode(row.expanded() ? Feather.CHEVRON_DOWN : Feather.CHEVRON_RIGHT);
        String text = row.output().isBlank() ? "(no output)" : row.truncated() ? "…\n" + row.output() : row.output();
        output.show(text, false);
        ApprovalCardSkin.show(outputBox, row.expanded());
        return this;
    }

    /** running…, finished, failed (exit 2), or did not finish when the app stopped before it ended. */
    static String outcome(TranscriptRow.Setup row) {
        if (row.exitCode() == null) {
            return row.running() ? "running…" : "did not finish";
        }
        if (row.exitCode() == 0) {
            return "finished";
        }
        return row.exitCode() < 0 ? "failed (timed out or could not start)" : "failed (exit " + row.exitCode() + ")";
    }
}
