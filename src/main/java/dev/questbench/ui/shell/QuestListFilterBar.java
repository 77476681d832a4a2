package dev.questbench.ui.shell;

import atlantafx.base.theme.Styles;
import dev.questbench.domain.BoardColumn;
import dev.questbench.store.QuestSort;
import dev.questbench.ui.shell.QuestListFilter.Grouping;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Over the quest list: search titles and messages, and a menu to group, sort and filter, with Reset. */
final class QuestListFilterBar extends HBox {
    private final QuestListViewModel model;
    private final TextField search = new TextField();

    QuestListFilterBar(QuestListViewModel model) {
        super(4);
        this.model = model;
        setAlignment(Pos.CENTER_LEFT);
        search.setId("quest-search");
        search.setPromptText("Search quests");
        search.textProperty().bindBidirectional(model.searchTextProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        MenuButton view = new MenuButton(null, new FontIcon(Feather.FILTER));
        view.setId("quest-filter");
        view.setTooltip(new Tooltip("Group, sort and filter"));
        view.getStyleClass().addAll(Styles.FLAT, Styles.BUTTON_ICON);
        view.getItems().addAll(groupMenu(), sortMenu(), statusMenu(),
                check("Unread only", "quest-filter-unread", QuestListFilter::unreadOnly,
                        QuestListFilter::withUnreadOnly),
                check("Show archived", "quest-filter-archived", QuestListFilter::showArchived,
                        QuestListFilter::withShowArchived),
                new SeparatorMenuItem(), reset());
        Button clear = new Button(null, new FontIcon(Feather.X));
        clear.setId("quest-filter-reset");
        clear.setTooltip(new Tooltip("Reset: every quest, grouped by workspace"));
        clear.getStyleClass().addAll(Styles.FLAT, Styles.BUTTON_ICON);
        clear.setOnAction(event -> model.reset());
        clear.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.filterProperty().get().narrowed(),
                model.filterProperty()));
        clear.managedProperty().bind(clear.visibleProperty());
        getChildren().addAll(search, clear, view);
    }

    void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private Menu groupMenu() {
        Menu menu = new Menu("Group by");
        ToggleGroup toggles = new ToggleGroup();
        for (Grouping grouping : Grouping.values()) {
            menu.getItems().add(radio(grouping.label(), toggles, f -> f.grouping() == grouping,
                    f -> f.withGrouping(grouping)));
        }
        return menu;
    }

    private Menu sortMenu() {
        Menu menu = new Menu("Sort by");
        ToggleGroup toggles = new ToggleGroup();
        menu.getItems().addAll(
                radio("Last activity", toggles, f -> f.sort() == QuestSort.RECENT_ACTIVITY,
                        f -> f.withSort(QuestSort.RECENT_ACTIVITY)),
                radio("Created", toggles, f -> f.sort() == QuestSort.CREATED, f -> f.withSort(QuestSort.CREATED)),
                radio("Title", toggles, f -> f.sort() == QuestSort.TITLE, f -> f.withSort(QuestSort.TITLE)));
        return menu;
    }

    private Menu statusMenu() {
        Menu menu = new Menu("Status");
        ToggleGroup toggles = new ToggleGroup();
        menu.getItems().add(radio("Any", toggles, f -> f.column() == null, f -> f.withColumn(null)));
        for (BoardColumn column : BoardColumn.values()) {
            menu.getItems().add(radio(column.label(), toggles, f -> f.column() == column,
                    f -> f.withColumn(column)));
        }
        return menu;
    }

    private MenuItem reset() {
        MenuItem reset = new MenuItem("Reset");
        reset.setOnAction(event -> model.reset());
        return reset;
    }

    /** A radio item that shows whether the filter has it, and applies it when chosen. */
    private RadioMenuItem radio(String label, ToggleGroup toggles, Predicate<QuestListFilter> has,
                                Function<QuestListFilter, QuestListFilter> apply) {
        RadioMenuItem item = new RadioMenuItem(label);
        item.setToggleGroup(toggles);
        item.setSelected(has.test(model.filterProperty().get()));
        item.setOnAction(event -> model.filterProperty().set(apply.apply(model.filterProperty().get())));
        model.filterProperty().addListener((observable, before, after) -> item.setSelected(has.test(after)));
        return item;
    }

    private CheckMenuItem check(String label, String id, Predicate<QuestListFilter> has,
                                java.util.function.BiFunction<QuestListFilter, Boolean, QuestListFilter> apply) {
        CheckMenuItem item = new CheckMenuItem(label);
        item.setId(id);
        item.setSelected(has.test(model.filterProperty().get()));
        item.setOnAction(event -> model.filterProperty().set(apply.apply(model.filterProperty().get(),
                item.isSelected())));
        model.filterProperty().addListener((observable, before, after) -> item.setSelected(has.test(after)));
        return item;
    }
}
