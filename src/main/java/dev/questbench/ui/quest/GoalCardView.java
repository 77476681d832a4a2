package dev.questbench.ui.quest;

import atlantafx.base.theme.Styles;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.ui.common.Stylesheets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The goal card above the composer: goal, round, last verdict and reason; Edit goal, Pause/Resume, Delete goal. */
public final class GoalCardView extends VBox {
    private final GoalViewModel model;
    private final Label progress = new Label();
    private final Label goal = new Label();
    private final Label verdict = new Label();
    private final TextField editor = new TextField();
    private final HBox editing;
    private final Button pause = button("Pause", Feather.PAUSE, "goal-pause");
    private final Button resume = button("Resume", Feather.PLAY, "goal-resume");
    private final Button edit = button("Edit", Feather.EDIT_2, "goal-edit");

    public GoalCardView(GoalViewModel model) {
        this.model = model;
        setId("goal-card");
        getStyleClass().addAll("qb-card", "goal-card");
        getStylesheets().add(Stylesheets.of(GoalCardView.class, "cards.css"));
        FontIcon icon = new FontIcon(Feather.TARGET);
        icon.getStyleClass().add("card-icon");
        Label title = new Label("Goal", icon);
        title.getStyleClass().add("card-title");
        progress.getStyleClass().add("card-detail");
        Button delete = button("Delete goal", Feather.X, "goal-delete");
        delete.setOnAction(event -> model.delete());
        pause.setOnAction(event -> model.pause());
        resume.setOnAction(event -> model.resume());
        edit.setOnAction(event -> startEditing());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(8, title, progress, gap, edit, pause, resume, delete);
        top.setAlignment(Pos.CENTER_LEFT);
        goal.getStyleClass().add("goal-text");
        goal.setWrapText(true);
        goal.setMinHeight(Region.USE_PREF_SIZE);
        verdict.getStyleClass().add("card-detail");
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        editor.getStyleClass().add(Styles.SMALL);
        editor.setId("goal-editor");
        HBox.setHgrow(editor, Priority.ALWAYS);
        Button save = button("Save", Feather.CHECK, "goal-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(event -> finishEditing(true));
        Button cancel = button("Cancel", null, "goal-cancel");
        cancel.setOnAction(event -> finishEditing(false));
        editor.setOnAction(event -> save.fire());
        editing = new HBox(8, editor, save, cancel);
        editing.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(top, goal, editing, verdict);
        setSpacing(6);
        ApprovalCardSkin.show(editing, false);

        model.goalProperty().addListener((o, before, after) -> update());
        model.statusProperty().addListener((o, before, after) -> update());
        model.verdictProperty().addListener((o, before, after) -> update());
        model.maxRoundsProperty().addListener((o, before, after) -> update());
        update();
    }

    private void update() {
        String text = model.goalProperty().get();
        boolean shown = text != null && !text.isBlank();
        ApprovalCardSkin.show(this, shown);
        if (!shown) {
            finishEditing(false);
            return;
        }
        QuestStatus status = model.statusProperty().get();
        QuestEvent.GoalEvaluated last = model.verdictProperty().get();
        goal.setText(text);
        progress.setText(progress(status, last, model.maxRoundsProperty().get()));
        verdict.setText(last == null ? "Checked after each round: the loop goes on until the goal is met."
                : "Last check (round " + last.round() + "): " + (last.met() ? "met" : "not met yet")
                + (last.reason() == null || last.reason().isBlank() ? "" : " — " + last.reason())
                + (last.met() || last.nextStep() == null || last.nextStep().isBlank() ? ""
                : "  ·  Next: " + last.nextStep()));
        boolean running = status == QuestStatus.RUNNING || status == QuestStatus.QUEUED;
        ApprovalCardSkin.show(pause, running);
        ApprovalCardSkin.show(resume, status == QuestStatus.PAUSED || status == QuestStatus.INTERRUPTED);
    }

    static String progress(QuestStatus status, QuestEvent.GoalEvaluated last, int maxRounds) {
        int done = last == null ? 0 : last.round();
        if (status == null) {
            return "";
        }
        return switch (status) {
            case QUEUED, RUNNING -> "Round " + (done + 1) + " of " + maxRounds + " running";
            case PAUSED -> "Paused after round " + done;
            case ACTION_REQUIRED -> "Round " + (done + 1) + " waits for you";
            case ERROR -> "Stopped by an error in round " + (done + 1);
            case INTERRUPTED -> "Interrupted in round " + (done + 1);
            case SCHEDULED -> "Scheduled";
            case READY -> last == null ? "Not started" : last.met() ? "Met after " + done + " round(s)"
                    : done >= maxRounds ? "Stopped after " + done + " rounds" : "Stopped after round " + done;
        };
    }

    private void startEditing() {
        editor.setText(model.goalProperty().get());
        ApprovalCardSkin.show(editing, true);
        ApprovalCardSkin.show(goal, false);
        edit.setDisable(true);
        editor.requestFocus();
    }

    private void finishEditing(boolean save) {
        if (save) {
            model.edit(editor.getText());
        }
        ApprovalCardSkin.show(editing, false);
        ApprovalCardSkin.show(goal, true);
        edit.setDisable(false);
    }

    private static Button button(String text, Feather icon, String id) {
        Button button = icon == null ? new Button(text) : new Button(text, new FontIcon(icon));
        button.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }
}
