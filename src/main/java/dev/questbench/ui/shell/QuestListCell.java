package dev.questbench.ui.shell;

import dev.questbench.domain.QuestSummary;
import dev.questbench.ui.common.Command;
import dev.questbench.ui.common.CommandControls;
import dev.questbench.ui.common.StatusPill;
import dev.questbench.ui.common.TimeAgo;
import dev.questbench.ui.common.TokenCount;
import dev.questbench.ui.quest.QuestAction;
import dev.questbench.ui.quest.QuestActions;
import java.time.Instant;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Draws a quest-list row: a workspace heading, or a quest with pin, title, status pill, activity and tokens used;
 * a quest's context menu offers pin, rename and the lifecycle actions its status allows.
 */
final class QuestListCell extends ListCell<QuestListRow> {
    private static final PseudoClass GROUP = PseudoClass.getPseudoClass("group");

    private final QuestListViewModel model;
    private final QuestActions actions;
    private final java.util.function.Consumer<String> openInPane;
    private final ObservableValue<Instant> now;
    private final Label groupName = new Label();
    private final Label groupCount = new Label();
    private final HBox group;
    private final Label title = new Label();
    private final FontIcon pin = new FontIcon(Feather.BOOKMARK);
    private final FontIcon clock = new FontIcon(Feather.CLOCK);
    private final StatusPill pill = new StatusPill();
    private final Label activity = new Label();
    private final VBox quest;
    private final Label tokens = new Label();
    private final Label snippet = new Label();
    private final ContextMenu menu = new ContextMenu();

    QuestListCell(QuestListViewModel model, QuestActions actions, java.util.function.Consumer<String> openInPane,
                  ObservableValue<Instant> now) {
        this.model = model;
        this.openInPane = openInPane;
        this.actions = actions;
        this.now = now;
        setPrefWidth(0); // fit the column; long titles are cut with an ellipsis
        groupName.setGraphic(new FontIcon(Feather.FOLDER));
        groupName.getStyleClass().add("group-name");
        groupCount.getStyleClass().add("group-count");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        group = new HBox(6, groupName, gap, groupCount);
        group.setAlignment(Pos.CENTER_LEFT);
        group.getStyleClass().add("group-row");

        title.getStyleClass().add("quest-title");
        title.setMinWidth(0);
        pin.getStyleClass().add("pin");
        clock.getStyleClass().add("scheduled");
        javafx.scene.control.Tooltip.install(clock, new javafx.scene.control.Tooltip("A schedule will continue this quest"));
        HBox titleLine = new HBox(6, title, pin, clock);
        titleLine.setAlignment(Pos.CENTER_LEFT);
        activity.getStyleClass().add("activity");
        tokens.getStyleClass().add("tokens");
        tokens.setMinWidth(Region.USE_PREF_SIZE);
        Region statusGap = new Region();
        HBox.setHgrow(statusGap, Priority.ALWAYS);
        HBox statusLine = new HBox(8, pill, activity, statusGap, tokens);
        statusLine.setAlignment(Pos.CENTER_LEFT);
        snippet.getStyleClass().add("snippet");
        snippet.setMinWidth(0);
        snippet.setVisible(false);
        snippet.setManaged(false);
        quest = new VBox(4, titleLine, snippet, statusLine);
        quest.getStyleClass().add("quest-row");
        now.addListener((observable, before, after) -> updateActivity());
        // Filled as it is asked for (a filter runs before the cell shows it; an empty menu would not show).
        addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, event -> fillMenu());
        setContextMenu(null);
    }

    @Override
    protected void updateItem(QuestListRow row, boolean empty) {
        super.updateItem(row, empty);
        setText(null);
        pseudoClassStateChanged(GROUP, row instanceof QuestListRow.Group || row instanceof QuestListRow.Section);
        if (empty || row == null) {
            setGraphic(null);
            setContextMenu(null);
        } else if (row instanceof QuestListRow.Group heading) {
            groupName.setText(heading.name());
            groupCount.setText(Integer.toString(heading.count()));
            setGraphic(group);
            setContextMenu(null);
        } else if (row instanceof QuestListRow.Section heading) {
            groupName.setText(heading.name());
            groupCount.setText(Integer.toString(heading.count()));
            setGraphic(group);
            setContextMenu(null);
        } else if (row instanceof QuestListRow.Item item) {
            QuestSummary summary = item.summary();
            title.setText(summary.quest().title());
            String found = model.snippets().get(summary.id());
            snippet.setText(found == null ? "" : found);
            snippet.setVisible(found != null);
            snippet.setManaged(found != null);
            boolean hasSchedule = model.scheduled().contains(summary.id());
            clock.setVisible(hasSchedule);
            clock.setManaged(hasSchedule);
            pin.setVisible(summary.quest().pinned());
            pin.setManaged(summary.quest().pinned());
            pill.setStatus(summary.status());
            tokens.setText(TokenCount.total(summary.inputTokens(), summary.outputTokens()));
            updateActivity();
            // No per-quest id on the cell: changing an id re-applies CSS to the whole row, and rows change
            // quests whenever the list reorders.
            if (getGraphic() != quest) {
                setGraphic(quest);
            }
            setContextMenu(menu);
        }
    }

    private void updateActivity() {
        if (getItem() instanceof QuestListRow.Item item) {
            activity.setText(TimeAgo.format(item.summary().lastActivityAt(), now.getValue()));
        }
    }

    /** Fills the menu for the quest the cell shows now, so rows don't build menus they never show. */
    private void fillMenu() {
        menu.getItems().clear();
        if (!(getItem() instanceof QuestListRow.Item item)) {
            return;
        }
        QuestSummary summary = item.summary();
        String id = summary.id();
        boolean pinned = summary.quest().pinned();
        MenuItem pin = new MenuItem(pinned ? "Unpin" : "Pin to top", new FontIcon(Feather.BOOKMARK));
        pin.setOnAction(event -> model.setPinned(id, !pinned));
        MenuItem rename = new MenuItem("Rename…", new FontIcon(Feather.EDIT_2));
        rename.setOnAction(event -> model.rename(id));
        QuestActions.Commands commands = actions.commandsFor(new SimpleObjectProperty<>(summary));
        MenuItem fork = new MenuItem("Fork", new FontIcon(Feather.GIT_BRANCH));
        fork.setOnAction(event -> model.fork(id, actions::fork));
        MenuItem export = new MenuItem("Export as Markdown…", new FontIcon(Feather.DOWNLOAD));
        export.setOnAction(event -> model.exportMarkdown(id));
        MenuItem folder = new MenuItem("Open Workspace Folder", new FontIcon(Feather.FOLDER));
        folder.setOnAction(event -> model.openFolder(id));
        folder.setDisable(summary.quest().workspaceId() == null);
        MenuItem pane = new MenuItem("Open in New Pane", new FontIcon(Feather.COLUMNS));
        pane.setOnAction(event -> openInPane.accept(id));
        menu.getItems().addAll(pane, pin, rename, fork, export, folder, new SeparatorMenuItem());
        for (Command command : commands.run()) {
            menu.getItems().add(CommandControls.contextItem(command));
        }
        MenuItem delete = CommandControls.contextItem(commands.delete());
        delete.getStyleClass().add("danger-item");
        menu.getItems().add(new SeparatorMenuItem());
        if (QuestAction.MOVE_TO_LOCAL.offeredFor(summary)) {
            menu.getItems().add(CommandControls.contextItem(commands.moveToLocal()));
        }
        menu.getItems().addAll(CommandControls.contextItem(summary.quest().archived() ? commands.unarchive()
                : commands.archive()), new SeparatorMenuItem(), delete);
    }
}
