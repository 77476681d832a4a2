package dev.questbench.ui.shell;

import atlantafx.base.theme.Styles;
import dev.questbench.ui.board.BoardView;
import dev.questbench.ui.common.CommandControls;
import dev.questbench.ui.common.StatusPill;
import dev.questbench.ui.common.Stylesheets;
import dev.questbench.ui.quest.ConversationView;
import java.time.Instant;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The window's content: menu bar, then three columns (quest list | conversation | function area); the
 * My Quests board takes the place of the conversation and the function area while it is open.
 */
final class ShellView extends BorderPane {
    private final ShellViewModel model;
    private final SplitPane columns;
    private final SplitPane questArea;
    private final FunctionAreaView functionArea;
    private final BoardView board;
    private double functionDivider;

    ShellView(ShellViewModel model, ShellCommands commands, ObservableValue<Instant> now, double[] dividers) {
        this.model = model;
        getStyleClass().add("shell");
        getStylesheets().add(Stylesheets.of(ShellView.class, "shell.css"));
        setTop(ShellMenus.build(commands, model.themeProperty()));

        QuestListView list = new QuestListView(model.questList(), model.selectedQuestIdProperty(), now,
                commands.newQuest, commands.toggleBoard);
        functionArea = new FunctionAreaView(model.summary(), now);
        EmptyStateView empty = new EmptyStateView(commands.newQuest, commands.openWorkspace, commands.toggleBoard);
        BorderPane conversation = new BorderPane(new ConversationView(model.conversation()));
        conversation.setTop(conversationHeader(commands));
        conversation.getStyleClass().add("conversation-pane");
        conversation.visibleProperty().bind(model.selectedQuestIdProperty().isNotNull());
        empty.visibleProperty().bind(conversation.visibleProperty().not());
        StackPane centre = new StackPane(conversation, empty);
        centre.getStyleClass().add("centre");
        centre.setMinWidth(320);

        questArea = new SplitPane(centre, functionArea);
        questArea.getStyleClass().add("quest-area");
        functionDivider = dividers.length > 1 ? dividers[1] : 0.72;
        questArea.setDividerPositions(functionDivider);
        board = new BoardView(model.board(), now, model::openQuest);
        StackPane main = new StackPane(questArea, board);
        main.setMinWidth(480);

        columns = new SplitPane(list, main);
        columns.setId("columns");
        columns.setDividerPositions(dividers.length > 0 ? dividers[0] : 0.19);
        SplitPane.setResizableWithParent(list, false);
        list.setMinWidth(200);
        setCenter(columns);

        model.viewProperty().addListener((observable, before, after) -> showView());
        model.functionAreaCollapsedProperty().addListener((observable, before, after) -> showFunctionArea());
        showView();
        showFunctionArea();
    }

    /** Outer then inner divider positions, for settings. */
    double[] dividerPositions() {
        double inner = questArea.getItems().contains(functionArea) ? questArea.getDividerPositions()[0]
                : functionDivider;
        return new double[] {columns.getDividerPositions()[0], inner};
    }

    private HBox conversationHeader(ShellCommands commands) {
        Label title = new Label();
        title.getStyleClass().addAll(Styles.TITLE_4, "quest-title");
        title.setId("quest-title");
        title.setMinWidth(0);
        StatusPill pill = new StatusPill();
        pill.setVisible(false);
        model.summary().summaryProperty().addListener((observable, before, summary) -> {
            title.setText(summary == null ? "" : summary.quest().title());
            pill.setStatus(summary == null ? null : summary.status());
            pill.setVisible(summary != null);
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button toggle = CommandControls.iconButton(commands.toggleFunctionArea);
        toggle.setId("toggle-function-area");
        HBox header = new HBox(10, title, pill, gap, toggle);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("conversation-header");
        return header;
    }

    private void showView() {
        boolean onBoard = model.viewProperty().get() == MainView.BOARD;
        board.setVisible(onBoard);
        questArea.setVisible(!onBoard);
        if (onBoard) {
            board.focusSearch();
        }
    }

    private void showFunctionArea() {
        boolean collapsed = model.functionAreaCollapsedProperty().get();
        boolean shown = questArea.getItems().contains(functionArea);
        if (collapsed && shown) {
            functionDivider = questArea.getDividerPositions()[0];
            questArea.getItems().remove(functionArea);
        } else if (!collapsed && !shown) {
            questArea.getItems().add(functionArea);
            questArea.setDividerPositions(functionDivider);
        }
    }
}
