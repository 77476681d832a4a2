package dev.questbench.ui.quest;

import dev.questbench.domain.event.Decision;
import dev.questbench.ui.quest.TranscriptRow.StepState;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One tool step: a line with the tool, what it acted on, its state and duration; expanded, the other arguments,
 * how the user answered and the output's tail (a diff for Write and Edit). A running step shows its output as it
 * comes. CSS sees the state ({@code :running}, {@code :done}, {@code :error}, {@code :denied}, {@code :waiting},
 * {@code :unfinished}) and {@code :expanded}.
 */
final class ToolStepView extends VBox {
    private static final PseudoClass EXPANDED = PseudoClass.getPseudoClass("expanded");
    private static final int RUNNING_LINES = 8;
    private static final Map<String, Ikon> ICONS = Map.of("Bash", Feather.TERMINAL, "Read", Feather.FILE_TEXT,
            "Write", Feather.FILE_PLUS, "Edit", Feather.EDIT_3, "Glob", Feather.FOLDER, "Grep", Feather.SEARCH,
            "WebFetch", Feather.GLOBE, "TodoWrite", Feather.CHECK_SQUARE);

    private final FontIcon chevron = new FontIcon(Feather.CHEVRON_RIGHT);
    private final FontIcon toolIcon = new FontIcon(Feather.TOOL);
    private final Label tool = new Label();
    private final Label subject = new Label();
    private final Label state = new Label();
    private final FontIcon stateIcon = new FontIcon();
    private final Label duration = new Label();
    private final Label details = new Label();
    private final Label answer = new Label();
    private final OutputLines output = new OutputLines();
    private final Label note = new Label();
    private final VBox outputBox = new VBox(4, output, note);
    private final VBox body = new VBox(6, details, answer, outputBox);
    private StepState shownState;
    private Runnable onToggle;

    ToolStepView() {
        getStyleClass().add("tool-step");
        chevron.getStyleClass().add("step-chevron");
        toolIcon.getStyleClass().add("step-icon");
        tool.getStyleClass().add("step-tool");
        tool.setGraphic(toolIcon);
        tool.setMinWidth(Region.USE_PREF_SIZE);
        subject.getStyleClass().add("step-subject");
        subject.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        subject.setMinWidth(0);
        subject.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(subject, Priority.ALWAYS);
        stateIcon.getStyleClass().add("step-state-icon");
        state.setGraphic(stateIcon);
        state.getStyleClass().add("step-state");
        state.setMinWidth(Region.USE_PREF_SIZE);
        duration.getStyleClass().add("step-duration");
        duration.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(8, chevron, tool, subject, state, duration);
        header.getStyleClass().add("step-header");
        header.setAlignment(Pos.CENTER_LEFT);
        header.setCursor(Cursor.HAND);
        header.setOnMouseClicked(event -> {
            if (onToggle != null) {
                onToggle.run();
            }
        });
        details.getStyleClass().add("step-details");
        details.setWrapText(true);
        details.setMinHeight(Region.USE_PREF_SIZE);
        answer.getStyleClass().add("step-answer");
        answer.setWrapText(true);
        answer.setMinHeight(Region.USE_PREF_SIZE);
        note.getStyleClass().add("step-note");
        outputBox.getStyleClass().add("step-output");
        body.getStyleClass().add("step-body");
        getChildren().addAll(header, body);
    }

    ToolStepView show(TranscriptRow.Step step, Runnable toggle) {
        onToggle = toggle;
        if (shownState != step.state()) {
            if (shownState != null) {
                pseudoClassStateChanged(pseudo(shownState), false);
            }
            shownState = step.state();
            pseudoClassStateChanged(pseudo(shownState), true);
        }
        pseudoClassStateChanged(EXPANDED, step.expanded());
        chevron.setIconCode(step.expanded() ? Feather.CHEVRON_DOWN : Feather.CHEVRON_RIGHT);
        toolIcon.setIconCode(ICONS.getOrDefault(step.tool(), Feather.TOOL));
        tool.setText(step.tool());
        subject.setText(oneLine(step.input().subject()));
        state.setText(stateText(step));
        stateIcon.setIconCode(stateIcon(step.state()));
        duration.setText(step.durationMs() == null ? "" : UsageView.duration(Duration.ofMillis(step.durationMs())));
        ApprovalCardSkin.show(duration, step.durationMs() != null);

        boolean diffTool = "Edit".equals(step.tool()) || "Write".equals(step.tool());
        boolean hasOutput = !step.output().isEmpty();
        // Before a result, Write and Edit show the change they asked for.
        boolean preview = !hasOutput && step.expanded() && !step.input().preview().isEmpty();
        boolean showOutput = hasOutput && (step.expanded() || step.state() == StepState.RUNNING) || preview;
        details.setText(step.input().rest());
        ApprovalCardSkin.show(details, step.expanded() && !step.input().rest().isEmpty());
        answer.setText(answerText(step.answer()));
        ApprovalCardSkin.show(answer, step.expanded() && step.answer() != null);
        // Collapsed, a running command shows only its last few lines, so the transcript stays readable.
        String shown = preview ? step.input().preview() : step.expanded() ? step.output()
                : OutputTail.lastLines(step.output(), RUNNING_LINES);
        output.show(shown, preview ? step.input().diff() : diffTool);
        note.setText(diffTool ? "The diff is shortened." : "The last " + OutputTail.LINES + " lines.");
        ApprovalCardSkin.show(note, showOutput && !preview && step.expanded() && step.truncated());
        ApprovalCardSkin.show(outputBox, showOutput);
        ApprovalCardSkin.show(body, details.isManaged() || answer.isManaged() || showOutput);
        return this;
    }

    private static String stateText(TranscriptRow.Step step) {
        if (step.state() == StepState.DENIED) {
            return step.answer() == null ? "Refused by your rules" : "Denied by you";
        }
        return step.state().label();
    }

    static String answerText(TranscriptRow.Answer answer) {
        if (answer == null) {
            return "";
        }
        if (answer.decision() == Decision.DENY) {
            return answer.message() == null || answer.message().isBlank() ? "You denied it."
                    : "You denied it: “" + answer.message() + "”";
        }
        return answer.alwaysForQuest() ? "You allowed it for the rest of this quest." : "You allowed it once.";
    }

    private static Ikon stateIcon(StepState state) {
        return switch (state) {
            case WAITING -> Feather.SHIELD;
            case RUNNING -> Feather.LOADER;
            case DONE -> Feather.CHECK;
            case ERROR -> Feather.X_CIRCLE;
            case DENIED -> Feather.SLASH;
            case UNFINISHED -> Feather.MINUS_CIRCLE;
        };
    }

    private static PseudoClass pseudo(StepState state) {
        return PseudoClass.getPseudoClass(state.name().toLowerCase(Locale.ROOT));
    }

    private static String oneLine(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 299) + "…" : flat;
    }
}
