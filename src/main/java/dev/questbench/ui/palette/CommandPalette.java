package dev.questbench.ui.palette;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The command palette as an overlay near the top of the window: a search field over a result list. Up and Down move,
 * Enter runs, Escape or a click outside closes.
 */
public final class CommandPalette extends StackPane {
    private final CommandPaletteViewModel model;
    private final TextField search = new TextField();
    private final ListView<CommandPaletteViewModel.Item> list;

    public CommandPalette(CommandPaletteViewModel model) {
        this.model = model;
        setId("command-palette");
        getStyleClass().add("command-palette-scrim");
        search.setId("palette-search");
        search.setPromptText("Type a command or a quest");
        search.textProperty().bindBidirectional(model.queryProperty());
        list = new ListView<>(model.results());
        list.setId("palette-results");
        list.setPrefHeight(320);
        list.setCellFactory(view -> new ItemCell());
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY) {
                model.run(list.getSelectionModel().getSelectedItem());
            }
        });
        // on the list's own items: a fresh read-only wrapper would be collected with its listener
        list.getItems().addListener((javafx.collections.ListChangeListener<CommandPaletteViewModel.Item>) change ->
                list.getSelectionModel().selectFirst());
        VBox box = new VBox(6, search, list);
        box.getStyleClass().add("command-palette");
        box.setPadding(new Insets(8));
        box.setMaxWidth(560);
        box.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane.setAlignment(box, Pos.TOP_CENTER);
        StackPane.setMargin(box, new Insets(60, 0, 0, 0));
        // The box joins the scene the first time the palette opens: hidden, it would still cost the window's
        // first CSS pass its list and field.
        setOnMouseClicked(event -> {
            if (event.getTarget() == this) {
                model.close();
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        visibleProperty().bind(model.showingProperty());
        model.showingProperty().addListener((observable, before, shown) -> {
            if (shown) {
                if (getChildren().isEmpty()) {
                    getChildren().add(box);
                }
                list.getSelectionModel().selectFirst();
                javafx.application.Platform.runLater(search::requestFocus); // once it is visible
            }
        });
    }

    /** Opens the palette over the window. */
    public void open() {
        model.open();
    }

    private void onKey(KeyEvent event) {
        KeyCode code = event.getCode();
        if (code == KeyCode.ESCAPE) {
            model.close();
        } else if (code == KeyCode.ENTER) {
            CommandPaletteViewModel.Item chosen = list.getSelectionModel().getSelectedItem();
            model.run(chosen != null || list.getItems().isEmpty() ? chosen : list.getItems().get(0));
        } else if (code == KeyCode.DOWN) {
            list.getSelectionModel().selectNext();
            list.scrollTo(list.getSelectionModel().getSelectedIndex());
        } else if (code == KeyCode.UP) {
            list.getSelectionModel().selectPrevious();
            list.scrollTo(list.getSelectionModel().getSelectedIndex());
        } else {
            return;
        }
        event.consume();
    }

    /** A result: icon, title, and the shortcut or quest status on the right. */
    private static final class ItemCell extends ListCell<CommandPaletteViewModel.Item> {
        private final Label title = new Label();
        private final Label detail = new Label();
        private final HBox row;

        ItemCell() {
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            row = new HBox(8, title, gap, detail);
            row.setAlignment(Pos.CENTER_LEFT);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(CommandPaletteViewModel.Item item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            title.setText(item.title());
            title.setGraphic(item.icon() == null ? null : new FontIcon(item.icon()));
            detail.setText(item.detail());
            setText(item.title());
            setGraphic(row);
        }
    }
}
