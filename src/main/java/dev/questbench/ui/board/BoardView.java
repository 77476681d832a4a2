package dev.questbench.ui.board;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import dev.questbench.domain.BoardColumn;
import dev.questbench.ui.common.Stylesheets;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableIntegerValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The My Quests board: how many quests need the user, search, workspace tabs with counts, and the three
 * virtualized card columns.
 */
public final class BoardView extends BorderPane {
    private final BoardViewModel model;
    private final HBox tabBar = new HBox();
    private final ToggleGroup tabGroup = new ToggleGroup();
    private final CustomTextField search = new CustomTextField();
    private final ToggleButton listToggle = new ToggleButton("List", new FontIcon(Feather.LIST));

    /** @param attention how many quests need the user (shown in the header when not zero) */
    public BoardView(BoardViewModel model, ObservableValue<Instant> now, Consumer<String> openQuest,
                     ObservableIntegerValue attention) {
        this.model = model;
        getStyleClass().add("board");
        getStylesheets().add(Stylesheets.of(BoardView.class, "board.css"));
        setTop(header(attention));
        HBox columns = new HBox();
        columns.getStyleClass().add("columns");
        java.util.List<BoardColumnView> views = new java.util.ArrayList<>();
        for (BoardColumn column : BoardColumn.values()) {
            BoardColumnView view = new BoardColumnView(column, model.column(column), model::workspaceName, now,
                    openQuest, model.progress());
            HBox.setHgrow(view, Priority.ALWAYS);
            columns.getChildren().add(view);
            views.add(view);
        }
        for (int i = 0; i < views.size(); i++) {
            int at = i;
            views.get(i).list().addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
                int to = event.getCode() == javafx.scene.input.KeyCode.LEFT ? at - 1
                        : event.getCode() == javafx.scene.input.KeyCode.RIGHT ? at + 1 : -1;
                if (to >= 0 && to < views.size() && event.getCode().isArrowKey()) {
                    var next = views.get(to).list();
                    next.requestFocus();
                    if (next.getSelectionModel().isEmpty() && !next.getItems().isEmpty()) {
                        next.getSelectionModel().select(0);
                    }
                    event.consume();
                }
            });
        }
        BoardListView list = new BoardListView(model, now, openQuest);
        listToggle.setId("board-as-list");
        listToggle.setTooltip(new javafx.scene.control.Tooltip("Show the board as a sortable list"));
        listToggle.selectedProperty().addListener((observable, before, asList) -> setCenter(asList ? list : columns));
        setCenter(columns);
        model.tabs().addListener((ListChangeListener<WorkspaceTab>) change -> rebuildTabs());
        rebuildTabs();
    }

    /** Puts the caret in the search box (for Ctrl+F and when the board opens). */
    public void focusSearch() {
        search.requestFocus();
    }

    private VBox header(ObservableIntegerValue attention) {
        Label title = new Label("My Quests");
        title.getStyleClass().addAll(Styles.TITLE_3, "board-title");
        Label needYou = new Label(null, new FontIcon(Feather.BELL));
        needYou.getStyleClass().add("attention-badge");
        needYou.setId("attention-badge");
        needYou.textProperty().bind(Bindings.createStringBinding(
                () -> attention.get() + (attention.get() == 1 ? " needs you" : " need you"), attention));
        needYou.visibleProperty().bind(Bindings.createBooleanBinding(() -> attention.get() > 0, attention));
        needYou.managedProperty().bind(needYou.visibleProperty());
        search.setPromptText("Search quest titles and messages…");
        search.setLeft(new FontIcon(Feather.SEARCH));
        search.textProperty().bindBidirectional(model.searchTextProperty());
        search.getStyleClass().add("board-search");
        search.setId("board-search");
        HBox.setHgrow(search, Priority.SOMETIMES);
        search.setMaxWidth(520);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(16, title, needYou, gap, search, listToggle);
        top.setAlignment(Pos.CENTER_LEFT);
        tabBar.getStyleClass().add("workspace-tabs");
        Label error = new Label();
        error.getStyleClass().addAll(Styles.DANGER, "board-error");
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        VBox header = new VBox(12, top, tabBar, error);
        header.getStyleClass().add("board-header");
        return header;
    }

    private void rebuildTabs() {
        if (tabBar.getChildren().size() == model.tabs().size()) {
            // Same tabs, new counts (every search changes them): relabel instead of rebuilding nodes.
            boolean same = true;
            for (int i = 0; same && i < model.tabs().size(); i++) {
                same = Objects.equals(tabBar.getChildren().get(i).getUserData(), model.tabs().get(i).workspaceId());
            }
            if (same) {
                for (int i = 0; i < model.tabs().size(); i++) {
                    ((ToggleButton) tabBar.getChildren().get(i)).setText(model.tabs().get(i).label());
                }
                return;
            }
        }
        tabBar.getChildren().clear();
        for (WorkspaceTab tab : model.tabs()) {
            ToggleButton button = new ToggleButton(tab.label());
            button.setUserData(tab.workspaceId());
            button.getStyleClass().add("workspace-tab");
            button.setId("tab-" + (tab.workspaceId() == null ? "all" : tab.workspaceId().isEmpty() ? "none"
                    : tab.workspaceId().toLowerCase(Locale.ROOT)));
            button.setToggleGroup(tabGroup);
            button.setSelected(Objects.equals(tab.workspaceId(), model.workspaceFilterProperty().get()));
            button.setOnAction(event -> {
                button.setSelected(true); // a tab stays selected when clicked again
                model.workspaceFilterProperty().set(tab.workspaceId());
            });
            tabBar.getChildren().add(button);
        }
    }
}
