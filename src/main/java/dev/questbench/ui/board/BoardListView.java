package dev.questbench.ui.board;

import atlantafx.base.theme.Styles;
import dev.questbench.domain.BoardColumn;
import dev.questbench.domain.QuestSummary;
import dev.questbench.ui.common.TimeAgo;
import dev.questbench.ui.common.TokenCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;

/**
 * The board as a table: every quest of the three columns with sortable title, status, workspace, todos, tokens and
 * last activity; the selected quest's status-change history below; Enter or a double click opens it.
 */
final class BoardListView extends BorderPane {
    private final ObservableList<QuestSummary> all = FXCollections.observableArrayList();
    private final TableView<QuestSummary> table = new TableView<>();
    private final Label history = new Label();
    private long historyAsked;

    BoardListView(BoardViewModel model, ObservableValue<Instant> now, Consumer<String> openQuest) {
        setId("board-list");
        getStyleClass().add("board-list");
        for (BoardColumn column : BoardColumn.values()) {
            model.column(column).addListener((ListChangeListener<QuestSummary>) change -> refill(model));
        }
        refill(model);
        SortedList<QuestSummary> sorted = new SortedList<>(all);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("board-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(text("Title", 280, summary -> summary.quest().title()));
        table.getColumns().add(text("Status", 120, summary -> summary.status().column().label() + " · "
                + summary.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
        table.getColumns().add(text("Workspace", 140, summary -> model.workspaceName(summary.quest().workspaceId())));
        TableColumn<QuestSummary, String> todos = text("Todos", 70, summary -> {
            CardProgress progress = model.progress().get(summary.id());
            return progress == null || progress.total() == 0 ? "" : progress.done() + "/" + progress.total();
        });
        table.getColumns().add(todos);
        TableColumn<QuestSummary, Long> tokens = new TableColumn<>("Tokens");
        tokens.setPrefWidth(90);
        tokens.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().inputTokens()
                + cell.getValue().outputTokens()));
        tokens.setCellFactory(column -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Long value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : TokenCount.total(value, 0));
            }
        });
        table.getColumns().add(tokens);
        TableColumn<QuestSummary, Instant> activity = new TableColumn<>("Last activity");
        activity.setPrefWidth(130);
        activity.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().lastActivityAt()));
        activity.setCellFactory(column -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Instant value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : TimeAgo.format(value, now.getValue()));
            }
        });
        activity.setSortType(TableColumn.SortType.DESCENDING);
        table.getColumns().add(activity);
        table.getSortOrder().add(activity);
        table.setRowFactory(view -> {
            TableRow<QuestSummary> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && row.getItem() != null) {
                    openQuest.accept(row.getItem().id());
                }
            });
            return row;
        });
        table.setOnKeyPressed(event -> {
            QuestSummary chosen = table.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && chosen != null) {
                openQuest.accept(chosen.id());
                event.consume();
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> {
            long asked = ++historyAsked;
            history.setText(after == null ? "" : "…");
            if (after != null) {
                model.statusHistory(after.id(), lines -> {
                    if (asked == historyAsked) {
                        history.setText(lines.isEmpty() ? "No status changes yet." : String.join("   →   ", lines));
                    }
                });
            }
        });
        history.setId("board-history");
        history.setWrapText(true);
        history.getStyleClass().addAll(Styles.TEXT_MUTED, "board-history");
        setCenter(table);
        setBottom(history);
    }

    private void refill(BoardViewModel model) {
        List<QuestSummary> rows = new ArrayList<>();
        for (BoardColumn column : BoardColumn.values()) {
            rows.addAll(model.column(column));
        }
        all.setAll(rows);
    }

    private static TableColumn<QuestSummary, String> text(String name, double width,
                                                         java.util.function.Function<QuestSummary, String> value) {
        TableColumn<QuestSummary, String> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
