package dev.questbench.ui.preview;

import dev.questbench.preview.CsvTable;
import dev.questbench.ui.common.TaskRunner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.ObservableListBase;

/**
 * The rows of a {@link CsvTable} as a list for a TableView: only rows near what is on screen are read, in blocks, in
 * the background; a row not read yet shows empty until its block arrives. Grows while the file is being indexed.
 * Used on the FX thread only. Known limit: rows indexed after a sort are listed unsorted after the sorted ones.
 */
final class CsvRows extends ObservableListBase<List<String>> {
    static final int BLOCK = 256;
    private static final int CACHED_BLOCKS = 64;

    private final CsvTable table;
    private final TaskRunner tasks;
    private final Runnable onBlock;
    private final Set<Integer> pending = new HashSet<>();
    private final Map<Integer, List<List<String>>> blocks = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<List<String>>> eldest) {
            return size() > CACHED_BLOCKS;
        }
    };
    private int size;
    private int[] order;
    private long generation;

    /** @param onBlock called on the FX thread when rows arrive, so the table redraws its cells */
    CsvRows(CsvTable table, TaskRunner tasks, Runnable onBlock) {
        this.table = table;
        this.tasks = tasks;
        this.onBlock = onBlock;
    }

    @Override
    public List<String> get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int block = index / BLOCK;
        List<List<String>> rows = blocks.get(block);
        if (rows == null) {
            request(block);
            return List.of();
        }
        int at = index - block * BLOCK;
        return at < rows.size() ? rows.get(at) : List.of();
    }

    @Override
    public int size() {
        return size;
    }

    /** More rows were indexed. */
    void grow(int rows) {
        if (rows <= size) {
            return;
        }
        int from = size;
        beginChange();
        size = rows;
        nextAdd(from, rows);
        blocks.remove(from / BLOCK); // the last block may have been short
        endChange();
    }

    /** Shows the rows in this order (row numbers of the file, as {@link CsvTable#sortedOrder} gives); null: as is. */
    void reorder(int[] newOrder) {
        order = newOrder;
        blocks.clear();
        pending.clear();
        generation++;
    }

    private void request(int block) {
        if (!pending.add(block)) {
            return;
        }
        long asked = generation;
        int from = block * BLOCK;
        int to = Math.min(size, from + BLOCK);
        int[] rowsOrder = order;
        tasks.run(() -> {
            List<List<String>> rows = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                rows.add(table.row(rowsOrder != null && i < rowsOrder.length ? rowsOrder[i] : i));
            }
            return rows;
        }, rows -> {
            if (asked == generation) {
                pending.remove(block);
                blocks.put(block, rows);
                onBlock.run();
            }
        }, failure -> pending.remove(block));
    }
}
