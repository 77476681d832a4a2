package dev.questbench.agent.builtin.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrepToolTest {
    @TempDir
    Path temp;
    private ToolFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new ToolFixture(temp);
        f.write(".gitignore", "target/\n");
        f.write("src/App.java", "package app;\n\nclass App {\n    // TODO start\n    void run() {}\n}\n");
        f.write("src/Util.java", "package app;\nclass Util {\n    // todo lower\n}\n");
        f.write("web/page.tsx", "export const x = 1; // TODO web\n");
        f.write("README.md", "Nothing to do here.\n");
        f.write("target/Gen.java", "// TODO generated\n");
        f.writeBytes("lib/blob.bin", new byte[] {'T', 'O', 'D', 'O', 0, 1, 2});
        Files.setLastModifiedTime(f.workspace.resolve("src/App.java"), FileTime.from(Instant.now().minusSeconds(600)));
    }

    @Test
    void filesWithMatchesIsTheDefaultNewestFirstSkippingIgnoredAndBinary() throws Exception {
        ToolOutput out = f.run(new GrepTool(), "pattern", "TODO");
        assertEquals("Found 2 files\nweb/page.tsx\nsrc/App.java", out.text());
    }

    @Test
    void contentModeShowsPathLineAndText() throws Exception {
        ToolOutput out = f.run(new GrepTool(), "pattern", "TODO", "output_mode", "content", "-i", true,
                "type", "java");
        assertEquals("src/App.java:4:    // TODO start\nsrc/Util.java:3:    // todo lower", out.text());
        ToolOutput noNumbers = f.run(new GrepTool(), "pattern", "class", "output_mode", "content", "-n", false,
                "path", "src/Util.java");
        assertEquals("src/Util.java:class Util {", noNumbers.text());
    }

    @Test
    void contextLinesAndGroupSeparators() throws Exception {
        f.write("ctx.txt", "a\nMATCH 1\nb\nc\nd\ne\nMATCH 2\nf\n");
        String text = f.run(new GrepTool(), "pattern", "MATCH", "output_mode", "content", "-C", 1,
                "path", "ctx.txt").text();
        assertEquals("ctx.txt-1-a\nctx.txt:2:MATCH 1\nctx.txt-3-b\n--\nctx.txt-6-e\nctx.txt:7:MATCH 2\nctx.txt-8-f",
                text);
        String after = f.run(new GrepTool(), "pattern", "MATCH 1", "output_mode", "content", "-A", 2, "-B", 0,
                "path", "ctx.txt").text();
        assertEquals("ctx.txt:2:MATCH 1\nctx.txt-3-b\nctx.txt-4-c", after);
    }

    @Test
    void countMode() throws Exception {
        f.write("many.txt", "x\nx x\ny\nx\n");
        String text = f.run(new GrepTool(), "pattern", "x", "output_mode", "count", "path", "many.txt").text();
        assertEquals("many.txt:3\n\nTotal: 3 matching lines in 1 file.", text);
    }

    @Test
    void globFiltersByNameOrPath() throws Exception {
        assertEquals("Found 1 file\nweb/page.tsx",
                f.run(new GrepTool(), "pattern", "TODO", "glob", "**/*.{ts,tsx}").text());
        assertEquals("Found 1 file\nsrc/App.java", f.run(new GrepTool(), "pattern", "TODO", "glob", "*.java").text());
        assertTrue(f.run(new GrepTool(), "pattern", "TODO", "glob", "*.py").text().startsWith("No matches"));
    }

    @Test
    void unknownTypeListsTheKnownOnes() {
        ToolException e = assertThrows(ToolException.class,
                () -> f.run(new GrepTool(), "pattern", "x", "type", "cobol"));
        assertTrue(e.getMessage().contains("java") && e.getMessage().contains("glob"), e.getMessage());
    }

    @Test
    void invalidRegexExplainsTheProblem() {
        ToolException e = assertThrows(ToolException.class, () -> f.run(new GrepTool(), "pattern", "foo(bar"));
        assertTrue(e.getMessage().startsWith("Invalid regular expression 'foo(bar'"), e.getMessage());
        assertTrue(e.getMessage().contains("Unclosed group"), e.getMessage());
    }

    @Test
    void headLimitAndOffsetPageThroughLines() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 50; i++) {
            text.append("hit ").append(i).append('\n');
        }
        f.write("hits.txt", text.toString());
        String page = f.run(new GrepTool(), "pattern", "hit", "output_mode", "content", "path", "hits.txt",
                "head_limit", 3, "offset", 10).text();
        assertTrue(page.startsWith("hits.txt:11:hit 11\nhits.txt:12:hit 12\nhits.txt:13:hit 13\n\n(Output truncated"),
                page);
    }

    @Test
    void outputIsCappedToTheLimit() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            text.append("needle number ").append(i).append('\n');
        }
        f.write("big.txt", text.toString());
        ToolOutput out = new GrepTool().run(ToolFixture.input("pattern", "needle", "output_mode", "content"),
                f.context(ToolFixture.withOutputMax(2000)));
        assertTrue(out.text().length() < 2300, "length " + out.text().length());
        assertTrue(out.text().contains("(Output truncated after"), out.text());
    }

    @Test
    void multilinePatternsSpanLines() throws Exception {
        f.write("m.txt", "start\nbegin {\n  body\n}\nend\n");
        String text = f.run(new GrepTool(), "pattern", "begin \\{.*?\\}", "multiline", true, "output_mode", "content",
                "path", "m.txt").text();
        assertEquals("m.txt:2:begin {\nm.txt:3:  body\nm.txt:4:}", text);
        String single = f.run(new GrepTool(), "pattern", "begin \\{.*?\\}", "output_mode", "content",
                "path", "m.txt").text();
        assertTrue(single.startsWith("No matches"), single);
    }

    @Test
    void anIgnoredFileNamedExplicitlyIsStillSearched() throws Exception {
        assertEquals("Found 1 file\ntarget/Gen.java",
                f.run(new GrepTool(), "pattern", "generated", "path", "target/Gen.java").text());
        assertFalse(f.run(new GrepTool(), "pattern", "generated").text().contains("Gen.java"));
    }

    @Test
    void longMatchingLinesAreCutInContentMode() throws Exception {
        f.write("min.js", "var a=1;" + "x".repeat(3000) + "needle\n");
        String text = f.run(new GrepTool(), "pattern", "needle", "output_mode", "content", "path", "min.js").text();
        assertTrue(text.endsWith(" … [line cut]") && text.length() < 600, text.length() + "");
    }
}
