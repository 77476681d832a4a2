package dev.questbench.ui.composer;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import java.util.function.Consumer;

/**
 * The suggestion list over the input ({@code @} files, {@code /} commands): follows the model's items and
 * selection, a click chooses. Shown only while the completion is open.
 */
final class CompletionList extends VBox {
    private static final int VISIBLE_ROWS = 8;
    private static final double ROW_HEIGHT = 28;

    CompletionList(Completion completion, Consumer<Completion.Item> choose) {
        setId("composer-completion");
        getStyleClass().add("composer-completion");
        ListView<Completion.Item> list = new ListView<>(completion.items());
        list.setId("composer-completion-list");
        list.setFixedCellSize(ROW_HEIGHT);
        list.setFocusTraversable(false); // the caret stays in the input; keys reach the list through the model
        list.prefHeightProperty().bind(Bindings.createDoubleBinding(() ->
                Math.min(VISIBLE_ROWS, Math.max(1, completion.items().size())) * ROW_HEIGHT + 4,
                completion.items()));
        list.setCellFactory(view -> new ItemCell());
        completion.selectedProperty().addListener((o, before, index) -> select(list, index.intValue()));
        completion.items().addListener((ListChangeListener<Completion.Item>) change ->
                select(list, completion.selectedProperty().get()));
        list.setOnMouseClicked(event -> {
            Completion.Item item = list.getSelectionModel().getSelectedItem();
            if (item != null) {
                choose.accept(item);
            }
        });
        Label status = new Label();
        status.setId("composer-completion-status");
        status.getStyleClass().add("completion-status");
        status.textProperty().bind(completion.statusProperty());
        status.visibleProperty().bind(status.textProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        list.visibleProperty().bind(Bindings.isNotEmpty(completion.items()));
        list.managedProperty().bind(list.visibleProperty());
        getChildren().addAll(list, status);
        visibleProperty().bind(completion.showingProperty());
        managedProperty().bind(visibleProperty());
    }

    private static void select(ListView<Completion.Item> list, int index) {
        if (index < 0) {
            list.getSelectionModel().clearSelection();
            return;
        }
        list.getSelectionModel().select(index);
        list.scrollTo(Math.max(0, index - VISIBLE_ROWS / 2));
    }

    /** A suggestion: its label, and a muted description (a command's purpose, "folder"). */
    private static final class ItemCell extends ListCell<Completion.Item> {
        private final Label label = new Label();
        private final Label detail = new Label();
        private final HBox row;

        ItemCell() {
            label.getStyleClass().add("completion-label");
            detail.getStyleClass().add("completion-detail");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            row = new HBox(12, label, gap, detail);
        }

        @Override
        protected void updateItem(Completion.Item item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            label.setText(item.label());
            detail.setText(item.detail());
            setGraphic(row);
        }
    }
}
