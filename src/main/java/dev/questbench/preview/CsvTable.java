package dev.questbench.preview;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * A CSV or TSV file read on demand: its delimiter and header are guessed from the first lines, its records are
 * found by a {@link CsvIndex}, and each record is read from disk when asked for. Sorting reads one column of every
 * record (the rest stays on disk). Reading and sorting block: call them off the FX thread.
 */
public final class CsvTable implements AutoCloseable {
    private static final int SAMPLE_BYTES = 64 * 1024;

    private final Path file;
    private final char delimiter;
    private final CsvIndex index = new CsvIndex();
    private final FileChannel channel;
    private List<String> header;
    private boolean headerRow;

    private CsvTable(Path file, char delimiter) throws IOException {
        this.file = file;
        this.delimiter = delimiter;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
    }

    /** Opens the file and guesses its delimiter; {@link #buildIndex} must run before rows can be read. */
    public static CsvTable open(Path file) throws IOException {
        byte[] sample;
        try (InputStream in = Files.newInputStream(file)) {
            sample = in.readNBytes(SAMPLE_BYTES);
        }
        boolean tsv = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tsv");
        return new CsvTable(file, tsv ? '\t' : guessDelimiter(new String(sample, StandardCharsets.UTF_8)));
    }

    public char delimiter() {
        return delimiter;
    }

    public CsvIndex index() {
        return index;
    }

    /** Indexes the file; once the first records are known the header is decided. */
    public void buildIndex(IntConsumer progress) throws IOException {
        index.build(file, found -> {
            if (header == null && found > 0) {
                decideHeader();
            }
            progress.accept(found);
        });
        if (header == null) {
            decideHeader();
        }
    }

    /** The column names: the first record when it looks like a header, else "A", "B", "C"… */
    public synchronized List<String> header() {
        return header == null ? List.of() : header;
    }

    /** Whether the first record is the header (and so is not a data row). */
    public synchronized boolean hasHeader() {
        return headerRow;
    }

    /** Data rows known so far (records minus the header). */
    public int rowCount() {
        return Math.max(0, index.count() - (hasHeader() ? 1 : 0));
    }

    /** The fields of data row {@code row} (0 is the first row under the header). */
    public List<String> row(int row) throws IOException {
        return record(row + (hasHeader() ? 1 : 0));
    }

    /**
     * The data rows' order sorted by one column: numbers compare as numbers when every non-empty value of the
     * column is one, else text case-insensitively. Reads the column of every row known now.
     */
    public int[] sortedOrder(int column, boolean ascending) throws IOException {
        int rows = rowCount();
        String[] keys = new String[rows];
        boolean numeric = true;
        for (int i = 0; i < rows; i++) {
            List<String> fields = row(i);
            String key = column < fields.size() ? fields.get(column) : "";
            keys[i] = key;
            numeric &= key.isEmpty() || CsvFields.isNumber(key);
        }
        Comparator<Integer> order;
        if (numeric) {
            double[] values = new double[rows];
            for (int i = 0; i < rows; i++) {
                values[i] = keys[i].isEmpty() ? Double.NEGATIVE_INFINITY : Double.parseDouble(keys[i].strip());
            }
            order = Comparator.comparingDouble(i -> values[i]);
        } else {
            order = (a, b) -> String.CASE_INSENSITIVE_ORDER.compare(keys[a], keys[b]);
        }
        Integer[] boxed = new Integer[rows];
        for (int i = 0; i < rows; i++) {
            boxed[i] = i;
        }
        java.util.Arrays.sort(boxed, ascending ? order : order.reversed());
        int[] result = new int[rows];
        for (int i = 0; i < rows; i++) {
            result[i] = boxed[i];
        }
        return result;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private List<String> record(int record) throws IOException {
        long[] range = index.range(record);
        int length = (int) Math.min(Integer.MAX_VALUE - 8, range[1] - range[0]);
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, range[0] + buffer.position()) < 0) {
                break;
            }
        }
        int end = buffer.position();
        if (end > 0 && buffer.array()[end - 1] == '\n') {
            end--; // the line break belongs to the record's end, not its last field
        }
        return CsvFields.split(new String(buffer.array(), 0, end, StandardCharsets.UTF_8), delimiter);
    }

    private synchronized void decideHeader() {
        try {
            int known = index.count();
            List<List<String>> sample = new ArrayList<>();
            for (int i = 0; i < Math.min(known, 20); i++) {
                sample.add(record(i));
            }
            headerRow = CsvFields.looksLikeHeader(sample);
            int columns = sample.stream().mapToInt(List::size).max().orElse(0);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < columns; i++) {
                String given = headerRow && i < sample.get(0).size() ? sample.get(0).get(i) : "";
                names.add(given.isBlank() ? CsvFields.columnLetter(i) : given);
            }
            header = List.copyOf(names);
        } catch (IOException e) {
            header = List.of();
        }
    }

    static char guessDelimiter(String sample) {
        String[] lines = sample.split("\n", 11);
        char best = ',';
        int bestScore = 0;
        for (char candidate : new char[] {',', '\t', ';', '|'}) {
            int score = 0;
            for (int i = 0; i < Math.min(lines.length, 10); i++) {
                score += CsvFields.split(lines[i], candidate).size() - 1;
            }
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }
}
