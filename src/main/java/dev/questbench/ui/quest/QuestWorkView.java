package dev.questbench.ui.quest;

import atlantafx.base.theme.Styles;
import dev.questbench.domain.schedule.Schedule;
import dev.questbench.ui.common.TimeAgo;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Summary's "Work" section: changed files with a link to Review, tools used, and this quest's schedules. */
final class QuestWorkView extends VBox {
    private Runnable onReview = () -> { };

    QuestWorkView(ObservableValue<QuestWork> work) {
        super(6);
        setId("summary-work");
        getStyleClass().add("summary-work");
        work.addListener((observable, before, after) -> show(after));
        show(work.getValue());
    }

    /** What the Review link does (the function area brings its Review tab to the front). */
    void setOnReview(Runnable action) {
        onReview = action;
    }

    private void show(QuestWork done) {
        List<Node> lines = new ArrayList<>();
        if (done != null && (!done.changedFiles().isEmpty() || !done.toolsUsed().isEmpty()
                || !done.schedules().isEmpty())) {
            Label heading = new Label("Work");
            heading.getStyleClass().add("qb-section-title");
            lines.add(heading);
            int count = done.changedFiles().size();
            Label files = new Label(count == 0 ? "No files changed by edit tools"
                    : "Changed " + count + (count == 1 ? " file" : " files"), new FontIcon(Feather.FILE_TEXT));
            files.setTooltip(new Tooltip(String.join("\n", done.changedFiles())));
            Hyperlink review = new Hyperlink("Review");
            review.setId("summary-review-link");
            review.setOnAction(event -> onReview.run());
            files.setGraphicTextGap(6);
            lines.add(new javafx.scene.layout.HBox(6, files, review));
            Label tools = new Label("Tools: " + done.toolsText(), new FontIcon(Feather.TOOL));
            tools.setId("summary-tools");
            tools.setWrapText(true);
            lines.add(tools);
            for (Schedule schedule : done.schedules()) {
                Label line = new Label(schedule.name() + (schedule.enabled() ? schedule.nextRunAt() == null ? ""
                        : " · next " + TimeAgo.exact(schedule.nextRunAt()) : " · off"), new FontIcon(Feather.CLOCK));
                line.getStyleClass().add(Styles.TEXT_MUTED);
                lines.add(line);
            }
        }
        getChildren().setAll(lines);
        setVisible(!lines.isEmpty());
        setManaged(!lines.isEmpty());
    }
}
