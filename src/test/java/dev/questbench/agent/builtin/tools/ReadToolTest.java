package dev.questbench.agent.builtin.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadToolTest {
    @TempDir
    Path temp;

    private ToolFixture fixture() {
        return new ToolFixture(temp);
    }

    @Test
    void numbersLinesLikeCatN() throws Exception {
        ToolFixture f = fixture();
        f.write("a.txt", "alpha\r\nbeta\ngamma");
        ToolOutput out = f.run(new ReadTool(), "file_path", "a.txt");
        assertEquals("     1\talpha\n     2\tbeta\n     3\tgamma\n", out.text());
        assertFalse(out.isError());
    }

    @Test
    void offsetAndLimitSelectLinesAndSayWhereToContinue() throws Exception {
        ToolFixture f = fixture();
        f.write("n.txt", lines(1, 10));
        ToolOutput out = f.run(new ReadTool(), "file_path", "n.txt", "offset", 4, "limit", 2);
        assertTrue(out.text().startsWith("     4\tline 4\n     5\tline 5\n"), out.text());
        assertFalse(out.text().contains("line 6\n"));
        assertTrue(out.text().contains("Showing lines 4-5 of 10. Continue with offset=6"), out.text());
    }

    @Test
    void offsetPastTheEndIsExplained() throws Exception {
        ToolFixture f = fixture();
        f.write("n.txt", lines(1, 3));
        assertTrue(f.run(new ReadTool(), "file_path", "n.txt", "offset", 9).text().contains("has only 3 lines"));
    }

    @Test
    void longLinesAreCutWithAMarker() throws Exception {
        ToolFixture f = fixture();
        f.write("long.txt", "x".repeat(2500) + "\nshort\n");
        String text = f.run(new ReadTool(), "file_path", "long.txt").text();
        assertTrue(text.contains("x".repeat(2000) + " … [line cut: 500 more characters]"), text.substring(0, 50));
        assertTrue(text.contains("     2\tshort"));
    }

    @Test
    void outputStopsAtTheCharacterCapWithAContinuation() throws Exception {
        ToolFixture f = fixture();
        f.write("n.txt", lines(1, 500));
        ToolOutput out = new ReadTool().run(ToolFixture.input("file_path", "n.txt"),
                f.context(ToolFixture.withOutputMax(1000)));
        assertTrue(out.text().length() < 1200, "length " + out.text().length());
        assertTrue(out.text().matches("(?s).*Continue with offset=\\d+\\.\\)"), out.text());
    }

    @Test
    void binaryFileGetsANoteInsteadOfContent() throws Exception {
        ToolFixture f = fixture();
        f.writeBytes("data.bin", new byte[] {1, 2, 0, 4, 5});
        ToolOutput out = f.run(new ReadTool(), "file_path", "data.bin");
        assertFalse(out.isError());
        assertTrue(out.text().contains("binary file") && out.text().contains("5 bytes"), out.text());
    }

    @Test
    void invalidUtf8CountsAsBinary() throws Exception {
        ToolFixture f = fixture();
        f.writeBytes("latin1.txt", "caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(f.run(new ReadTool(), "file_path", "latin1.txt").text().contains("binary file"));
    }

    @Test
    void imagesAreNamedAsImages() throws Exception {
        ToolFixture f = fixture();
        byte[] png = new byte[100];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        System.arraycopy(magic, 0, png, 0, magic.length);
        f.writeBytes("logo.png", png);
        String text = f.run(new ReadTool(), "file_path", "logo.png").text();
        assertTrue(text.contains("is an image (PNG image, 100 bytes)"), text);
    }

    @Test
    void missingFileSuggestsSimilarNames() {
        ToolFixture f = fixture();
        f.write("src/Main.java", "class Main {}");
        ToolException e = assertThrows(ToolException.class, () -> f.run(new ReadTool(), "file_path", "src/main.java"));
        assertTrue(e.getMessage().contains("Did you mean src/Main.java"), e.getMessage());
    }

    @Test
    void folderIsAnErrorPointingToGlob() {
        ToolFixture f = fixture();
        f.write("src/a.txt", "a");
        ToolException e = assertThrows(ToolException.class, () -> f.run(new ReadTool(), "file_path", "src"));
        assertTrue(e.getMessage().contains("Glob"), e.getMessage());
    }

    @Test
    void missingParameterIsNamed() {
        ToolFixture f = fixture();
        ToolException e = assertThrows(ToolException.class, () -> f.run(new ReadTool(), "path", "x"));
        assertEquals("Missing required parameter 'file_path'.", e.getMessage());
    }

    @Test
    void hugeFileNeedsARangeAndIsStreamed() throws Exception {
        ToolFixture f = fixture();
        Path big = f.workspace.resolve("big.log");
        try (Writer out = Files.newBufferedWriter(big)) {
            for (int i = 1; i <= 100_000; i++) {
                out.write("log line number " + i + " with some padding text\n");
            }
        }
        assertTrue(Files.size(big) > 4_000_000);
        ToolException refused = assertThrows(ToolException.class, () -> f.run(new ReadTool(), "file_path", "big.log"));
        assertTrue(refused.getMessage().contains("offset and limit") && refused.getMessage().contains("Grep"),
                refused.getMessage());
        ToolOutput part = f.run(new ReadTool(), "file_path", "big.log", "offset", 90_000, "limit", 3);
        assertTrue(part.text().startsWith(" 90000\tlog line number 90000 with"), part.text());
        assertTrue(part.text().contains("more lines follow. Continue with offset=90003"), part.text());
    }

    @Test
    void hugeSingleLineIsNotHeldInMemory() throws Exception {
        ToolFixture f = fixture();
        Path big = f.workspace.resolve("minified.js");
        byte[] chunk = "a".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(big)) {
            for (int i = 0; i < 5; i++) {
                out.write(chunk);
            }
        }
        String text = f.run(new ReadTool(), "file_path", "minified.js", "limit", 1).text();
        assertTrue(text.length() < 2200, "length " + text.length());
        assertTrue(text.contains("[line cut: " + (5 * 1024 * 1024 - 2000) + " more characters]"), text.substring(2000));
    }

    @Test
    void largeBinaryFileIsDescribedNotRefused() throws Exception {
        ToolFixture f = fixture();
        byte[] data = new byte[3 * 1024 * 1024];
        data[0] = 'P';
        data[1] = 'K';
        data[2] = 3;
        data[3] = 4;
        f.writeBytes("bundle.zip", data);
        ToolOutput out = f.run(new ReadTool(), "file_path", "bundle.zip");
        assertTrue(out.text().contains("is a binary file (ZIP archive"), out.text());
        assertFalse(out.isError());
    }

    @Test
    void emptyFileSaysSo() throws Exception {
        ToolFixture f = fixture();
        f.write("empty.txt", "");
        assertEquals("(empty.txt is empty)", f.run(new ReadTool(), "file_path", "empty.txt").text());
    }

    private static String lines(int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i <= to; i++) {
            text.append("line ").append(i).append('\n');
        }
        return text.toString();
    }
}
