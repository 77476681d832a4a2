package dev.questbench.ui.quest;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A hook that ran, as a small muted line (event, command, outcome, duration) with its output on expand. CSS sees
 * {@code :attention} when the hook failed, timed out or blocked something, and {@code :expanded}.
 */
final class HookLine extends VBox {
    private static final PseudoClass ATTENTION = PseudoClass.getPseudoClass("attention");
    private static final PseudoClass EXPANDED = PseudoClass.getPseudoClass("expanded");
    private static final Set<String> QUIET = Set.of("ok", "keep_working");

    private final FontIcon chevron = new FontIcon(Feather.CHEVRON_RIGHT);
    private final Label headline = new Label();
    private final Label outcome = new Label();
    private final OutputLines output = new OutputLines();
    private final VBox outputBox = new VBox(output);
    private Runnable onToggle;

    HookLine() {
        getStyleClass().add("hook-line");
        chevron.getStyleClass().add("step-chevron");
        FontIcon icon = new FontIcon(Feather.ZAP);
        icon.getStyleClass().add("step-icon");
        headline.setGraphic(icon);
        headline.getStyleClass().add("hook-headline");
        headline.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        headline.setMinWidth(0);
        headline.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(headline, Priority.ALWAYS);
        outcome.getStyleClass().add("hook-outcome");
        outcome.setMinWidth(USE_PREF_SIZE);
        HBox header = new HBox(6, chevron, headline, outcome);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setCursor(Cursor.HAND);
        header.setOnMouseClicked(event -> {
            if (onToggle != null) {
                onToggle.run();
            }
        });
        outputBox.getStyleClass().add("step-output");
        VBox.setMargin(outputBox, new javafx.geometry.Insets(0, 0, 4, 24)); // under the text, past the chevron
        getChildren().addAll(header, outputBox);
    }

    HookLine show(TranscriptRow.HookRun hook, Runnable toggle) {
        onToggle = toggle;
        headline.setText(headline(hook));
        outcome.setText(outcome(hook));
        pseudoClassStateChanged(ATTENTION, !QUIET.contains(hook.outcome()));
        pseudoClassStateChanged(EXPANDED, hook.expanded());
        chevron.setIconCode(hook.expanded() ? Feather.CHEVRON_DOWN : Feather.CHEVRON_RIGHT);
        String text = hook.output().isBlank() ? "(no output)" : OutputTail.of(hook.output(), false).text();
        output.show(text, false);
        ApprovalCardSkin.show(outputBox, hook.expanded());
        return this;
    }

    static String headline(TranscriptRow.HookRun hook) {
        String command = hook.command().strip().replaceAll("\\s+", " ");
        return "Hook " + (hook.hookEvent().isBlank() ? "" : hook.hookEvent() + " ") + "· " + command;
    }

    static String outcome(TranscriptRow.HookRun hook) {
        String word = switch (hook.outcome().toLowerCase(Locale.ROOT)) {
            case "ok" -> "ok";
            case "error" -> "failed (exit " + hook.exitCode() + ")";
            case "timed_out" -> "timed out";
            case "blocked" -> "blocked";
            case "keep_working" -> "asked to keep working";
            default -> hook.outcome().isBlank() ? "exit " + hook.exitCode() : hook.outcome();
        };
        return word + " · " + UsageView.duration(Duration.ofMillis(Math.max(0, hook.durationMs())));
    }
}
