package dev.questbench.ui.shell;

import atlantafx.base.theme.Styles;
import dev.questbench.ui.board.BoardView;
import dev.questbench.ui.common.CommandControls;
import dev.questbench.ui.common.Stylesheets;
import dev.questbench.ui.composer.ComposerView;
import dev.questbench.ui.preview.PreviewPanel;
import dev.questbench.ui.preview.SystemApps;
import dev.questbench.ui.quest.ConversationView;
import dev.questbench.ui.quest.GoalCardView;
import dev.questbench.ui.schedule.SchedulesView;
import java.time.Instant;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The window's content: menu bar, then three columns (quest list | conversation | function area); the
 * My Quests board or the Schedules page takes the place of the conversation and the function area while open.
 */
final class ShellView extends BorderPane {
    private final ShellViewModel model;
    private final SplitPane columns;
    private final SplitPane questArea;
    private final FunctionAreaView functionArea;
    private final StackPane fullWindowHost = new StackPane();
    private final SplitPane panes;
    private final Node centre;
    private final java.util.Map<String, QuestTileView> tileViews = new java.util.HashMap<>();
    private double listDivider = 0.19;
    private final dev.questbench.ui.palette.CommandPalette palette;
    /** Built the first time they are shown (not before the first frame); see {@link #board()}. */
    private BoardView board;
    private SchedulesView schedules;
    private final ObservableValue<Instant> now;
    private final StackPane main;
    private double functionDivider;

    ShellView(ShellViewModel model, ShellCommands commands, ObservableValue<Instant> now, double[] dividers) {
        this.model = model;
        this.now = now;
        getStyleClass().add("shell");
        getStylesheets().add(Stylesheets.of(ShellView.class, "shell.css"));
        setTop(ShellMenus.build(commands, model.themeProperty()));

        QuestListView list = new QuestListView(model.questList(), model.questActions(), model.tiles()::open,
                model.selectedQuestIdProperty(), now, commands.newQuest, commands.toggleBoard);
        list.addFooter(schedulesEntry(commands));
        functionArea = new FunctionAreaView(model.summary(), model.review(), () -> new PreviewPanel(model.preview(),
                SystemApps.desktop(), model.tasks(), model.dialogs()), model.preview(), now, model.experts());
        EmptyStateView empty = new EmptyStateView(commands.newQuest, commands.openWorkspace, commands.toggleBoard,
                new ConnectModelCard(model.connectModel(), commands.setUpModel));
        ConversationView transcript = new ConversationView(model.conversation(), model.cardActions(),
                model.messageActions());
        BorderPane conversation = new BorderPane(transcript);
        FindBar find = new FindBar(transcript);
        commands.findAction = () -> {
            if (model.viewProperty().get() == MainView.QUEST && model.selectedQuestIdProperty().get() != null) {
                find.open();
            } else if (model.viewProperty().get() == MainView.BOARD) {
                focusBoardSearch();
            }
        };
        model.selectedQuestIdProperty().addListener((observable, before, after) -> find.close());
        conversation.setTop(new VBox(new ConversationHeader(model, commands, this::reviewLastTurn), find));
        GoalCardView goal = new GoalCardView(model.goal());
        VBox.setMargin(goal, new Insets(0, 28, 0, 28)); // lined up with the composer's input
        VBox bottom = new VBox(goal, new ComposerView(model.composer()));
        bottom.getStyleClass().add("conversation-bottom");
        conversation.setBottom(bottom);
        conversation.getStyleClass().add("conversation-pane");
        // the text size from Settings: the conversation's labels and bubbles size in em from this
        conversation.styleProperty().bind(Bindings.createStringBinding(() -> "-fx-font-size: "
                + model.textSizeProperty().get() + "px;", model.textSizeProperty()));
        conversation.visibleProperty().bind(model.selectedQuestIdProperty().isNotNull());
        empty.visibleProperty().bind(conversation.visibleProperty().not());
        StackPane centre = new StackPane(conversation, empty);
        centre.getStyleClass().add("centre");
        centre.setMinWidth(320);

        panes = new SplitPane(centre);
        panes.getStyleClass().add("quest-panes");
        this.centre = centre;
        model.tiles().tiles().addListener((javafx.collections.ListChangeListener<QuestTilesViewModel.Tile>) change ->
                showPanes());
        model.tiles().expandedProperty().addListener((observable, before, after) -> showPanes());
        showPanes();
        questArea = new SplitPane(panes, functionArea);
        questArea.getStyleClass().add("quest-area");
        functionDivider = dividers.length > 1 ? dividers[1] : 0.72;
        questArea.setDividerPositions(functionDivider);
        main = new StackPane(questArea);
        main.setMinWidth(480);

        columns = new SplitPane(list, main);
        columns.setId("columns");
        columns.setDividerPositions(dividers.length > 0 ? dividers[0] : 0.19);
        SplitPane.setResizableWithParent(list, false);
        list.setMinWidth(200);
        fullWindowHost.setId("review-full-window-host");
        fullWindowHost.setVisible(false);
        palette = new dev.questbench.ui.palette.CommandPalette(new dev.questbench.ui.palette.CommandPaletteViewModel(
                commands.forPalette(), model.questList()::summaries, model::openQuest));
        commands.showPalette = palette::open;
        // Ctrl+Tab / Ctrl+Shift+Tab step through quests too (as browsers step through tabs); a filter, so focus
        // traversal does not take the key first
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == javafx.scene.input.KeyCode.TAB && event.isShortcutDown()) {
                (event.isShiftDown() ? commands.previousQuest : commands.nextQuest).execute();
                event.consume();
            }
        });
        commands.sidebarAction = () -> toggleSidebar(list);
        commands.searchAction = () -> {
            if (!columns.getItems().contains(list)) {
                toggleSidebar(list);
            }
            list.focusSearch();
        };
        setCenter(new StackPane(columns, fullWindowHost, palette));

        model.review().fullWindowProperty().addListener((observable, before, after) -> showReviewFullWindow(after));
        model.messageActions().setOnReviewChanges(latest -> {
            reviewLastTurn();
            if (!latest) {
                model.review().scopeProperty().set(dev.questbench.workspace.diff.DiffScope.CURRENT_QUEST);
            }
        });
        model.composer().setOnReview(() -> {
            reviewLastTurn();
            model.review().aiReviewAfterLoad();
        });
        model.viewProperty().addListener((observable, before, after) -> showView());
        model.functionAreaCollapsedProperty().addListener((observable, before, after) -> showFunctionArea());
        showView();
        showFunctionArea();
    }

    /** Opens the function area on the Review tab, showing what the last turn changed. */
    private void reviewLastTurn() {
        if (model.functionAreaCollapsedProperty().get()) {
            model.toggleFunctionArea();
        }
        functionArea.showReview();
        model.review().scopeProperty().set(dev.questbench.workspace.diff.DiffScope.LAST_TURN);
    }

    /**
     * The review over the whole window: the function area alone takes the columns' place; leaving puts it back
     * where it was. The rest of the window stays alive, only out of the scene.
     */
    private void showReviewFullWindow(boolean full) {
        if (full) {
            functionDivider = questArea.getItems().contains(functionArea) ? questArea.getDividerPositions()[0]
                    : functionDivider;
            functionArea.showReview();
            questArea.getItems().remove(functionArea);
            fullWindowHost.getChildren().setAll(functionArea);
            columns.setVisible(false);
            fullWindowHost.setVisible(true);
        } else if (fullWindowHost.getChildren().contains(functionArea)) {
            fullWindowHost.getChildren().clear();
            fullWindowHost.setVisible(false);
            columns.setVisible(true);
            showFunctionArea();
        }
    }

    /**
     * The main conversation and the quests opened beside it, side by side; an expanded pane alone. Tile views are
     * kept while their pane is open, so expanding and restoring does not rebuild them.
     */
    private void showPanes() {
        java.util.List<QuestTilesViewModel.Tile> open = model.tiles().tiles();
        tileViews.keySet().removeIf(id -> open.stream().noneMatch(tile -> tile.questId().equals(id)));
        java.util.List<Node> shown = new java.util.ArrayList<>();
        String expanded = model.tiles().expandedProperty().get();
        if (expanded.isEmpty() || expanded.equals(QuestTilesViewModel.MAIN)) {
            shown.add(centre);
        }
        for (QuestTilesViewModel.Tile tile : open) {
            if (expanded.isEmpty() || expanded.equals(tile.questId())) {
                shown.add(tileViews.computeIfAbsent(tile.questId(), id -> new QuestTileView(tile, titleOf(id),
                        model.tiles()::toggleExpanded, model.tiles()::close)));
            }
        }
        panes.getItems().setAll(shown);
        double share = 1.0 / shown.size();
        double[] dividers = new double[shown.size() - 1];
        for (int i = 0; i < dividers.length; i++) {
            dividers[i] = share * (i + 1);
        }
        panes.setDividerPositions(dividers);
    }

    private String titleOf(String questId) {
        dev.questbench.domain.QuestSummary summary = model.questList().summary(questId);
        return summary == null ? questId : summary.quest().title();
    }

    private void focusBoardSearch() {
        board().focusSearch();
    }

    private BoardView board() {
        if (board == null) {
            board = new BoardView(model.board(), now, model::openQuest, model.attentionProperty());
        }
        return board;
    }

    private SchedulesView schedules() {
        if (schedules == null) {
            schedules = new SchedulesView(model.schedules(), now);
        }
        return schedules;
    }

    /** Hides the quest list column, or shows it again where it was. */
    private void toggleSidebar(QuestListView list) {
        if (columns.getItems().contains(list)) {
            listDivider = columns.getDividerPositions()[0];
            columns.getItems().remove(list);
        } else {
            columns.getItems().add(0, list);
            columns.setDividerPositions(listDivider);
        }
    }

    /** Outer then inner divider positions, for settings. */
    double[] dividerPositions() {
        double inner = questArea.getItems().contains(functionArea) ? questArea.getDividerPositions()[0]
                : functionDivider;
        double outer = columns.getItems().size() > 1 ? columns.getDividerPositions()[0] : listDivider;
        return new double[] {outer, inner};
    }

    /** Lays a node (the toasts) over the columns, in the top-right corner below the menu bar. */
    void addOverlay(Node overlay) {
        StackPane layers = new StackPane(columns, fullWindowHost, overlay, palette);
        StackPane.setAlignment(overlay, Pos.TOP_RIGHT);
        setCenter(layers);
    }

    /** The clock entry under the quest list; highlighted while the Schedules page shows. */
    private Button schedulesEntry(ShellCommands commands) {
        Button entry = CommandControls.button(commands.toggleSchedules);
        entry.setId("schedules-entry");
        entry.getStyleClass().addAll(Styles.FLAT, "schedules-entry");
        entry.setMaxWidth(Double.MAX_VALUE);
        entry.setAlignment(Pos.CENTER_LEFT);
        PseudoClass current = PseudoClass.getPseudoClass("current");
        entry.pseudoClassStateChanged(current, model.viewProperty().get() == MainView.SCHEDULES);
        model.viewProperty().addListener((observable, before, after) ->
                entry.pseudoClassStateChanged(current, after == MainView.SCHEDULES));
        return entry;
    }

    private void showView() {
        MainView shown = model.viewProperty().get();
        boolean onBoard = shown == MainView.BOARD;
        questArea.setVisible(shown == MainView.QUEST);
        // Only the shown view stays in the scene: hidden lists would still be laid out on every live change.
        main.getChildren().setAll(onBoard ? board() : shown == MainView.SCHEDULES ? schedules() : questArea);
        if (onBoard) {
            board().focusSearch();
        }
    }

    private void showFunctionArea() {
        if (fullWindowHost.getChildren().contains(functionArea)) {
            return; // back in place when full window ends
        }
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
