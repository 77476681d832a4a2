package dev.questbench.ui.shell;

import dev.questbench.domain.QuestSummary;
import dev.questbench.ui.common.StatusPill;
import dev.questbench.ui.common.TimeAgo;
import java.time.Instant;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Draws a quest-list row: a workspace heading, or a quest with pin, title, status pill and activity. */
final class QuestListCell extends ListCell<QuestListRow> {
    private static final PseudoClass GROUP = PseudoClass.getPseudoClass("group");

    private final QuestListViewModel model;
    private final ObservableValue<Instant> now;
    private final Label groupName = new Label();
    private final Label groupCount = new Label();
    private final HBox group;
    private final Label title = new Label();
    private final FontIcon pin = new FontIcon(Feather.BOOKMARK);
    private final StatusPill pill = new StatusPill();
    private final Label activity = new Label();
    private final VBox quest;
    private final MenuItem pinItem = new MenuItem();

    QuestListCell(QuestListViewModel model, ObservableValue<Instant> now) {
        this.model = model;
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
        HBox titleLine = new HBox(6, title, pin);
        titleLine.setAlignment(Pos.CENTER_LEFT);
        activity.getStyleClass().add("activity");
        HBox statusLine = new HBox(8, pill, activity);
        statusLine.setAlignment(Pos.CENTER_LEFT);
        quest = new VBox(4, titleLine, statusLine);
        quest.getStyleClass().add("quest-row");
        now.addListener((observable, before, after) -> updateActivity());
        setContextMenu(null);
    }

    @Override
    protected void updateItem(QuestListRow row, boolean empty) {
        super.updateItem(row, empty);
        setText(null);
        pseudoClassStateChanged(GROUP, row instanceof QuestListRow.Group);
        if (empty || row == null) {
            setGraphic(null);
            setContextMenu(null);
            setId(null);
        } else if (row instanceof QuestListRow.Group heading) {
            groupName.setText(heading.name());
            groupCount.setText(Integer.toString(heading.count()));
            setGraphic(group);
            setContextMenu(null);
            setId(null);
        } else if (row instanceof QuestListRow.Item item) {
            QuestSummary summary = item.summary();
            title.setText(summary.quest().title());
            pin.setVisible(summary.quest().pinned());
            pin.setManaged(summary.quest().pinned());
            pill.setStatus(summary.status());
            updateActivity();
            setGraphic(quest);
            setContextMenu(menuFor(summary));
            setId("quest-" + summary.id());
        }
    }

    private void updateActivity() {
        if (getItem() instanceof QuestListRow.Item item) {
            activity.setText(TimeAgo.format(item.summary().lastActivityAt(), now.getValue()));
        }
    }

    private ContextMenu menuFor(QuestSummary summary) {
        String id = summary.id();
        boolean pinned = summary.quest().pinned();
        pinItem.setText(pinned ? "Unpin" : "Pin to top");
        pinItem.setGraphic(new FontIcon(Feather.BOOKMARK));
        pinItem.setOnAction(event -> model.setPinned(id, !pinned));
        MenuItem rename = new MenuItem("Rename…", new FontIcon(Feather.EDIT_2));
        rename.setOnAction(event -> model.rename(id));
        MenuItem archive = new MenuItem("Archive", new FontIcon(Feather.ARCHIVE));
        archive.setOnAction(event -> model.archive(id));
        MenuItem delete = new MenuItem("Delete…", new FontIcon(Feather.TRASH_2));
        delete.getStyleClass().add("danger-item");
        delete.setOnAction(event -> model.delete(id));
        return new ContextMenu(pinItem, rename, archive, new SeparatorMenuItem(), delete);
    }
}
