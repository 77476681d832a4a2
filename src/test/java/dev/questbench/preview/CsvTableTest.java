package dev.questbench.preview;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV and TSV files read through a record index: quotes, delimiters, header guesses, sorting, a big file. */
class CsvTableTest {
    @TempDir
    Path dir;

    @Test
    void quotedFieldsMayHoldDelimitersQuotesAndLineBreaks() throws Exception {
        Path file = dir.resolve("people.csv");
        Files.writeString(file, "name,age,note\r\n\"Doe, Jane\",41,\"said \"\"hi\"\"\nthen left\"\r\nBob,7,\n");
        try (CsvTable table = open(file)) {
            assertEquals(',', table.delimiter());
            assertTrue(table.hasHeader());
            assertEquals(List.of("name", "age", "note"), table.header());
            assertEquals(2, table.rowCount());
            assertEquals(List.of("Doe, Jane", "41", "said \"hi\"\nthen left"), table.row(0));
            assertEquals(List.of("Bob", "7", ""), table.row(1));
        }
    }

    @Test
    void tsvAndSemicolonFilesAndTablesWithoutHeader() throws Exception {
        Path tsv = dir.resolve("a.tsv");
        Files.writeString(tsv, "1\t2\n3\t4\n");
        try (CsvTable table = open(tsv)) {
            assertEquals('\t', table.delimiter());
            assertFalse(table.hasHeader(), "numbers are data");
            assertEquals(List.of("A", "B"), table.header());
            assertEquals(List.of("3", "4"), table.row(1));
        }
        Path semi = dir.resolve("b.csv");
        Files.writeString(semi, "city;pop\nOslo;700000\nRome;2800000\n");
        try (CsvTable table = open(semi)) {
            assertEquals(';', table.delimiter());
            assertEquals(List.of("city", "pop"), table.header());
        }
    }

    @Test
    void sortsNumbersAsNumbersAndTextIgnoringCase() throws Exception {
        Path file = dir.resolve("n.csv");
        Files.writeString(file, "word,n\nbeta,10\nAlpha,9\ngamma,100\n");
        try (CsvTable table = open(file)) {
            assertArrayEquals(new int[] {1, 0, 2}, table.sortedOrder(1, true));
            assertArrayEquals(new int[] {2, 0, 1}, table.sortedOrder(1, false));
            assertArrayEquals(new int[] {1, 0, 2}, table.sortedOrder(0, true));
        }
    }

    @Test
    void aMillionRowsAreIndexedWithoutReadingTheFileIntoMemory() throws Exception {
        Path file = dir.resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("id,value,label\n");
            for (int i = 0; i < 1_000_000; i++) {
                out.write(i + "," + (i * 7 % 1000) + ",row " + i + "\n");
            }
        }
        try (CsvTable table = open(file)) {
            assertTrue(table.index().complete());
            assertEquals(1_000_000, table.rowCount());
            assertEquals(List.of("999999", String.valueOf(999_999L * 7 % 1000), "row 999999"),
                    table.row(999_999));
            assertEquals(List.of("500000", "0", "row 500000"), table.row(500_000));
        }
    }

    private static CsvTable open(Path file) throws Exception {
        CsvTable table = CsvTable.open(file);
        table.buildIndex(found -> { });
        return table;
    }
}
