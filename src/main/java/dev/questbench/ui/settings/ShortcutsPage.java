package dev.questbench.ui.settings;

import atlantafx.base.theme.Tweaks;
import dev.questbench.ui.common.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Settings → Shortcuts: every command with a shortcut, and the review diff's keys, searchable. */
final class ShortcutsPage extends VBox {
    /** The diff's single keys, which are not menu commands. */
    private static final List<Row> DIFF_KEYS = List.of(
            new Row("Review: next / previous change", "N / P"),
            new Row("Review: next / previous file", "] / ["),
            new Row("Review: accept / reject the hunk", "A / R"),
            new Row("Review: reject with a reason", "Shift+R"),
            new Row("Review: mark the file / the hunk viewed", "V / Shift+V"),
            new Row("Review: comment on the selected lines", "C"),
            new Row("Review: leave the full-window review", "Escape"));

    /** One line of the table. */
    record Row(String command, String keys) {
    }

    ShortcutsPage(List<Command> commands) {
        super(8);
        setId("settings-shortcuts-page");
        getStyleClass().add("settings-page");
        setPadding(new Insets(12));
        List<Row> rows = new ArrayList<>();
        for (Command command : commands) {
            if (command.shortcut() != null) {
                rows.add(new Row(command.name().replace("…", ""), command.shortcut().getDisplayText()));
            }
        }
        rows.addAll(DIFF_KEYS);
        FilteredList<Row> shown = new FilteredList<>(FXCollections.observableArrayList(rows));
        TextField search = new TextField();
        search.setId("shortcuts-search");
        search.setPromptText("Search commands or keys");
        search.textProperty().addListener((observable, before, text) -> {
            String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            shown.setPredicate(wanted.isEmpty() ? null : row -> row.command().toLowerCase(Locale.ROOT)
                    .contains(wanted) || row.keys().toLowerCase(Locale.ROOT).contains(wanted));
        });
        TableView<Row> table = new TableView<>(shown);
        table.setId("shortcuts-table");
        table.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        TableColumn<Row, String> name = new TableColumn<>("Command");
        name.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().command()));
        name.setPrefWidth(420);
        TableColumn<Row, String> keys = new TableColumn<>("Shortcut");
        keys.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().keys()));
        keys.setPrefWidth(220);
        table.getColumns().add(name);
        table.getColumns().add(keys);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(search, table);
    }
}
