package dev.questbench.ui.experts;

import atlantafx.base.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** The Expert Team Canvas: one card per expert with its role, task, status, current step and output summary. */
public final class ExpertTeamCanvas extends ScrollPane {
    private final ExpertTeamViewModel model;
    private final FlowPane board = new FlowPane(10, 10);
    private final Label empty = new Label("No experts yet. In an Experts-mode quest the Lead starts experts "
            + "(Researcher, Full-Stack Engineer, QA, Code Reviewer, Debug Engineer or your own subagents); each "
            + "shows here as it works.");

    public ExpertTeamCanvas(ExpertTeamViewModel model) {
        this.model = model;
        setId("expert-team-canvas");
        setFitToWidth(true);
        empty.setWrapText(true);
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        board.setId("expert-cards");
        model.cards().addListener((ListChangeListener<ExpertCards.Card>) change -> render());
        render();
        VBox content = new VBox(10, empty, board);
        content.getStyleClass().add("settings-form");
        setContent(content);
    }

    private void render() {
        board.getChildren().clear();
        empty.setVisible(model.cards().isEmpty());
        empty.setManaged(model.cards().isEmpty());
        for (ExpertCards.Card card : model.cards()) {
            Label role = new Label(card.role());
            role.getStyleClass().add(Styles.TEXT_BOLD);
            Label status = new Label(card.status());
            status.setId("expert-status-" + card.toolUseId());
            status.getStyleClass().addAll(Styles.TEXT_SMALL, switch (card.status()) {
                case "Completed" -> Styles.SUCCESS;
                case "Failed" -> Styles.DANGER;
                case "In progress" -> Styles.ACCENT;
                default -> Styles.TEXT_MUTED;
            });
            Label task = new Label(card.task());
            task.setWrapText(true);
            Label step = new Label(card.step());
            step.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            Label summary = new Label(card.summary());
            summary.setWrapText(true);
            summary.getStyleClass().add(Styles.TEXT_SMALL);
            VBox box = new VBox(4, role, status, task, step, summary);
            box.setId("expert-card-" + card.toolUseId());
            box.getStyleClass().addAll("expert-card", Styles.BORDERED);
            box.setPrefWidth(240);
            board.getChildren().add(box);
        }
    }
}
