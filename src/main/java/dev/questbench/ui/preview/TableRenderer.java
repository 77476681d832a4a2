package dev.questbench.ui.preview;

import dev.questbench.preview.CsvTable;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;

/**
 * CSV and TSV files in a virtualized table: the file is indexed in the background (rows appear as they are found),
 * rows are read from disk when they scroll into view, the header row is guessed, and a click on a column header
 * sorts by it (in the background).
 */
final class TableRenderer extends BaseRenderer {
    private final TableView<List<String>> view;
    private final Label status = new Label();
    private CsvTable table;
    private CsvRows rows;
    private Thread indexer;
    private long shows;

    TableRenderer(RenderContext context) {
        this(context, new TableView<>());
    }

    private TableRenderer(RenderContext context, TableView<List<String>> view) {
        super(context, view);
        this.view = view;
        view.setId("preview-table");
        view.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        view.setSortPolicy(table -> {
            sort();
            return true;
        });
        status.setId("preview-table-status");
        status.getStyleClass().add("artifact-facts");
        setToolbar(new HBox(status));
    }

    TableView<List<String>> tableView() {
        return view;
    }

    @Override
    public void show(Path file) {
        stop();
        status.setText("Reading " + file.getFileName() + "…");
        long asked = ++shows;
        indexer = new Thread(() -> index(file, asked), "preview-csv-index");
        indexer.setDaemon(true);
        indexer.start();
    }

    /** On the indexer thread: opens the file, hands it to the table, then indexes it and reports progress. */
    private void index(Path file, long asked) {
        try (CsvTable opened = CsvTable.open(file)) {
            CsvRows list = new CsvRows(opened, context.tasks(), view::refresh);
            Platform.runLater(() -> {
                if (asked == shows) {
                    table = opened;
                    rows = list;
                    view.getColumns().clear();
                    view.setItems(list);
                }
            });
            AtomicBoolean queued = new AtomicBoolean();
            opened.buildIndex(found -> {
                if (!queued.getAndSet(true)) {
                    Platform.runLater(() -> {
                        queued.set(false);
                        progress(opened, list);
                    });
                }
            });
            Platform.runLater(() -> progress(opened, list));
            synchronized (this) {
                while (!Thread.currentThread().isInterrupted()) {
                    wait(); // keeps the file open while its rows show; stop() interrupts
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.io.IOException e) {
            Platform.runLater(() -> showMessage(file.getFileName() + " could not be read: " + e.getMessage()));
        }
    }

    @Override
    public void dispose() {
        super.dispose();
        stop();
        view.setItems(javafx.collections.FXCollections.observableArrayList()); // lets the record index go
    }

    private void progress(CsvTable indexed, CsvRows list) {
        if (indexed != table) {
            return; // an older file
        }
        if (view.getColumns().isEmpty() && !indexed.header().isEmpty()) {
            List<String> names = indexed.header();
            for (int i = 0; i < names.size(); i++) {
                view.getColumns().add(column(names.get(i), i));
            }
        }
        list.grow(indexed.rowCount());
        status.setText(String.format("%,d rows", indexed.rowCount()) + (indexed.index().complete() ? ""
                : " so far · indexing…") + (indexed.hasHeader() ? " · first row is the header" : ""));
    }

    private TableColumn<List<String>, String> column(String name, int index) {
        TableColumn<List<String>, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(index < cell.getValue().size()
                ? cell.getValue().get(index) : ""));
        column.setPrefWidth(Math.max(80, Math.min(260, name.length() * 9 + 30)));
        return column;
    }

    private void sort() {
        CsvTable sorting = table;
        CsvRows list = rows;
        if (sorting == null) {
            return;
        }
        if (view.getSortOrder().isEmpty()) {
            list.reorder(null);
            view.refresh();
            return;
        }
        TableColumn<List<String>, ?> by = view.getSortOrder().get(0);
        int column = view.getColumns().indexOf(by);
        boolean ascending = by.getSortType() == TableColumn.SortType.ASCENDING;
        status.setText("Sorting by " + by.getText() + "…");
        load(() -> sorting.sortedOrder(column, ascending), order -> {
            list.reorder(order);
            view.refresh();
            status.setText(String.format("%,d rows · sorted by %s", sorting.rowCount(), by.getText()));
        });
    }

    private void stop() {
        if (indexer != null) {
            indexer.interrupt(); // the indexer closes its file
            indexer = null;
        }
        table = null;
        rows = null;
    }
}
