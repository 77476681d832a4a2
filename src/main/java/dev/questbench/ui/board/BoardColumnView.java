package dev.questbench.ui.board;

import dev.questbench.domain.BoardColumn;
import dev.questbench.domain.QuestSummary;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One board column: a coloured header with its count over a virtualized list of quest cards. */
final class BoardColumnView extends VBox {
    private final ListView<QuestSummary> list;

    BoardColumnView(BoardColumn column, ObservableList<QuestSummary> cards, Function<String, String> workspaceName,
                    ObservableValue<Instant> now, Consumer<String> openQuest,
                    javafx.collections.ObservableMap<String, CardProgress> progress) {
        String key = column.name().toLowerCase(Locale.ROOT);
        getStyleClass().addAll("board-column", "board-column-" + key);
        setId("column-" + key);

        Region dot = new Region();
        dot.getStyleClass().add("column-dot");
        Label name = new Label(column.label());
        name.getStyleClass().add("column-name");
        Label count = new Label();
        count.getStyleClass().add("column-count");
        count.textProperty().bind(Bindings.size(cards).asString());
        HBox header = new HBox(8, dot, name, count);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("column-header");

        list = new ListView<>(cards);
        list.getStyleClass().add("column-list");
        list.setId("column-list-" + key);
        // keyboard: arrows move between cards (and, wired by the board, columns); Enter opens the card
        list.setOnKeyPressed(event -> {
            QuestSummary chosen = list.getSelectionModel().getSelectedItem();
            if (event.getCode() == javafx.scene.input.KeyCode.ENTER && chosen != null) {
                openQuest.accept(chosen.id());
                event.consume();
            }
        });
        list.setCellFactory(view -> new CardCell(workspaceName, now, openQuest, progress));
        Label empty = new Label(emptyText(column));
        empty.getStyleClass().add("column-empty");
        empty.setWrapText(true);
        empty.setMaxWidth(Double.MAX_VALUE);
        VBox placeholder = new VBox(empty); // at the top of the column, where the first card would be
        placeholder.setAlignment(Pos.TOP_CENTER);
        placeholder.setMaxHeight(Double.MAX_VALUE);
        placeholder.setMaxWidth(Double.MAX_VALUE);
        list.setPlaceholder(placeholder);
        VBox.setVgrow(list, Priority.ALWAYS);

        getChildren().addAll(header, list);
        setMinWidth(220);
        setPrefWidth(320);
        setMaxWidth(Double.MAX_VALUE);
    }

    /** The column's card list, for moving the keyboard focus between columns. */
    ListView<QuestSummary> list() {
        return list;
    }

    private static String emptyText(BoardColumn column) {
        return switch (column) {
            case RUNNING -> "Nothing running. Start a quest and it shows up here.";
            case WAITING -> "Nothing waits for you.";
            case COMPLETED -> "Finished quests land here, ready for review.";
        };
    }

    /** A cell that keeps one card and swaps its quest as the list scrolls. */
    private static final class CardCell extends ListCell<QuestSummary> {
        private final QuestCard card = new QuestCard();
        private final Function<String, String> workspaceName;
        private final javafx.collections.ObservableMap<String, CardProgress> progress;
        private final javafx.collections.MapChangeListener<String, CardProgress> onProgress = change -> {
            if (getItem() != null && getItem().id().equals(change.getKey())) {
                card.setProgress(change.getValueAdded());
            }
        };

        CardCell(Function<String, String> workspaceName, ObservableValue<Instant> now, Consumer<String> openQuest,
                 javafx.collections.ObservableMap<String, CardProgress> progress) {
            this.workspaceName = workspaceName;
            this.progress = progress;
            // weak: cells come and go with the list's size, the map stays
            progress.addListener(new javafx.collections.WeakMapChangeListener<>(onProgress));
            getStyleClass().add("card-cell");
            setPrefWidth(0); // size cells to the column, so long titles wrap instead of scrolling sideways
            card.nowProperty().bind(now);
            setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && getItem() != null) {
                    openQuest.accept(getItem().id());
                }
            });
        }

        @Override
        protected void updateItem(QuestSummary item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            // No per-quest id on the cell: changing a node's id re-applies CSS to its whole subtree, and cells
            // change quests on every reorder. Tests find a card by its summary.
            card.setWorkspaceName(workspaceName.apply(item.quest().workspaceId()));
            card.setSummary(item);
            card.setProgress(progress.get(item.id()));
            if (getGraphic() != card) {
                setGraphic(card);
            }
        }
    }
}
