package dev.questbench.ui.schedule;

import dev.questbench.domain.schedule.RunState;
import dev.questbench.domain.schedule.ScheduleRun;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** One Run History row: state, started and finished times, the message; a click opens the run's quest. */
final class RunCell extends ListCell<ScheduleRun> {
    private final RunStateBadge state = new RunStateBadge();
    private final Label times = new Label();
    private final Label message = new Label();
    private final FontIcon open = new FontIcon(Feather.ARROW_RIGHT);
    private final HBox row;

    RunCell(SchedulesViewModel model) {
        setPrefWidth(0);
        times.getStyleClass().add("run-times");
        times.setWrapText(true);
        times.setMinHeight(USE_PREF_SIZE);
        message.getStyleClass().add("run-message");
        message.setWrapText(true);
        message.setMinHeight(USE_PREF_SIZE);
        VBox text = new VBox(2, times, message);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        open.getStyleClass().add("run-open");
        row = new HBox(10, state, text, open);
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().add("run-row");
        setOnMouseClicked(event -> {
            if (getItem() != null) {
                model.openRun(getItem());
            }
        });
    }

    @Override
    protected void updateItem(ScheduleRun run, boolean empty) {
        super.updateItem(run, empty);
        setText(null);
        if (empty || run == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        state.show(run.state());
        times.setText(times(run));
        message.setText(run.message() == null ? "" : run.message());
        message.setVisible(run.message() != null && !run.message().isBlank());
        message.setManaged(message.isVisible());
        open.setVisible(run.questId() != null);
        setTooltip(run.questId() == null ? null : new Tooltip("Open the quest of this run"));
        setGraphic(row);
    }

    private static String times(ScheduleRun run) {
        if (run.state() == RunState.MISSED || run.startedAt() == null) {
            return "Due " + RunTimes.local(run.scheduledFor());
        }
        if (run.finishedAt() == null) {
            return "Started " + RunTimes.local(run.startedAt());
        }
        return RunTimes.local(run.startedAt()) + " – " + RunTimes.finished(run.startedAt(), run.finishedAt());
    }
}
