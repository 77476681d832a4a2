package dev.questbench.ui.shell;

import atlantafx.base.theme.Styles;
import dev.questbench.ui.common.Command;
import dev.questbench.ui.common.CommandControls;
import dev.questbench.ui.common.Stylesheets;
import dev.questbench.ui.quest.QuestActions;
import java.time.Instant;
import javafx.application.Platform;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The left column: "Quests" heading with the board toggle, the New Quest button and the grouped list. */
final class QuestListView extends VBox {
    private final ListView<QuestListRow> list;
    private final QuestListFilterBar filterBar;
    private final StringProperty selectedQuestId;
    private boolean syncing;

    QuestListView(QuestListViewModel model, QuestActions actions, java.util.function.Consumer<String> openInPane,
                  StringProperty selectedQuestId,
                  ObservableValue<Instant> now, Command newQuest, Command toggleBoard) {
        this.selectedQuestId = selectedQuestId;
        getStyleClass().add("quest-list-pane");
        getStylesheets().add(Stylesheets.of(QuestListView.class, "quest-list.css"));

        Label heading = new Label("Quests");
        heading.getStyleClass().addAll(Styles.TITLE_4, "quest-list-heading");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button board = CommandControls.iconButton(toggleBoard);
        board.setId("board-button");
        HBox header = new HBox(4, heading, gap, board);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("quest-list-header");

        Button create = CommandControls.button(newQuest);
        create.getStyleClass().add(Styles.ACCENT);
        create.setMaxWidth(Double.MAX_VALUE);
        create.setId("new-quest-button");

        list = new ListView<>(model.rows());
        list.setId("quest-list");
        list.getStyleClass().add("quest-list");
        list.setCellFactory(view -> new QuestListCell(model, actions, openInPane, now));
        Label empty = new Label("No quests yet.\nStart one with New Quest.");
        empty.getStyleClass().add("quest-list-empty");
        list.setPlaceholder(empty);
        VBox.setVgrow(list, Priority.ALWAYS);

        filterBar = new QuestListFilterBar(model);
        VBox top = new VBox(10, header, create, filterBar);
        top.getStyleClass().add("quest-list-top");
        getChildren().addAll(top, list);

        list.getSelectionModel().selectedItemProperty().addListener((observable, before, row) -> {
            if (!syncing && row instanceof QuestListRow.Item item) {
                selectedQuestId.set(item.summary().id());
            } else if (!syncing && !(row instanceof QuestListRow.Item) && row != null) {
                Platform.runLater(() -> selectRow(selectedQuestId.get())); // headings are not selectable
            }
        });
        selectedQuestId.addListener((observable, before, id) -> selectRow(id));
        model.rows().addListener((ListChangeListener<QuestListRow>) change -> selectRow(selectedQuestId.get()));
        model.snippets().addListener((javafx.collections.MapChangeListener<String, String>) change -> list.refresh());
        model.scheduled().addListener((javafx.collections.SetChangeListener<String>) change -> list.refresh());
    }

    /** Puts the caret in the quest search box. */
    void focusSearch() {
        filterBar.focusSearch();
    }

    /** Adds a row under the list, such as the Schedules entry. */
    void addFooter(Node footer) {
        footer.getStyleClass().add("quest-list-footer");
        VBox.setMargin(footer, new Insets(4, 8, 10, 8));
        getChildren().add(footer);
    }

    /** Keeps the list's selection on the selected quest as rows move or the board opens a quest. */
    private void selectRow(String questId) {
        syncing = true;
        try {
            int index = -1;
            for (int i = 0; questId != null && i < list.getItems().size(); i++) {
                if (list.getItems().get(i).key().equals(questId)) {
                    index = i;
                    break;
                }
            }
            if (index < 0) {
                list.getSelectionModel().clearSelection();
            } else if (list.getSelectionModel().getSelectedIndex() != index) {
                list.getSelectionModel().clearAndSelect(index);
            }
        } finally {
            syncing = false;
        }
    }
}
