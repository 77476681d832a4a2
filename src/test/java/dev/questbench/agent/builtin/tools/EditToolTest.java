package dev.questbench.agent.builtin.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditToolTest {
    @TempDir
    Path temp;

    @Test
    void replacesAUniqueStringAndShowsAMiniDiff() throws Exception {
        ToolFixture f = new ToolFixture(temp);
        f.write("A.java", "l1\nl2\nl3\nl4\nint x = 1;\nl6\nl7\nl8\nl9\n");
        ToolOutput out = f.run(new EditTool(), "file_path", "A.java", "old_string", "int x = 1;",
                "new_string", "int x = 2;\nint y = 3;");
        assertEquals("l1\nl2\nl3\nl4\nint x = 2;\nint y = 3;\nl6\nl7\nl8\nl9\n", f.read("A.java"));
        assertEquals(List.of("A.java"), out.changedFiles());
        assertEquals("""
                Edited A.java: replaced 1 occurrence.

                --- a/A.java
                +++ b/A.java
                @@ -2,7 +2,8 @@
                 l2
                 l3
                 l4
                -int x = 1;
                +int x = 2;
                +int y = 3;
                 l6
                 l7
                 l8""", out.text());
    }

    @Test
    void missingOldStringTellsTheModelToReadTheFile() {
        ToolFixture f = new ToolFixture(temp);
        f.write("a.txt", "hello\n");
        ToolException e = assertThrows(ToolException.class,
                () -> f.run(new EditTool(), "file_path", "a.txt", "old_string", "bye", "new_string", "x"));
        assertTrue(e.getMessage().startsWith("old_string not found in a.txt; Read the file"), e.getMessage());
    }

    @Test
    void nonUniqueMatchNeedsMoreContextOrReplaceAll() throws Exception {
        ToolFixture f = new ToolFixture(temp);
        f.write("a.txt", "foo bar\nfoo baz\nfoo\n");
        ToolException e = assertThrows(ToolException.class,
                () -> f.run(new EditTool(), "file_path", "a.txt", "old_string", "foo", "new_string", "qux"));
        assertTrue(e.getMessage().contains("occurs 3 times") && e.getMessage().contains("replace_all"),
                e.getMessage());
        assertEquals("foo bar\nfoo baz\nfoo\n", f.read("a.txt"));

        ToolOutput out = f.run(new EditTool(), "file_path", "a.txt", "old_string", "foo", "new_string", "qux",
                "replace_all", true);
        assertEquals("qux bar\nqux baz\nqux\n", f.read("a.txt"));
        assertTrue(out.text().contains("replaced 3 occurrences"), out.text());
        assertTrue(out.text().contains("-foo baz\n") && out.text().contains("+qux baz\n"), out.text());
    }

    @Test
    void sameOldAndNewIsAnError() {
        ToolFixture f = new ToolFixture(temp);
        f.write("a.txt", "x");
        assertThrows(ToolException.class,
                () -> f.run(new EditTool(), "file_path", "a.txt", "old_string", "x", "new_string", "x"));
    }

    @Test
    void crlfFilesKeepTheirLineEndingsWhenTheModelSendsLf() throws Exception {
        ToolFixture f = new ToolFixture(temp);
        f.write("win.txt", "one\r\ntwo\r\nthree\r\n");
        f.run(new EditTool(), "file_path", "win.txt", "old_string", "one\ntwo", "new_string", "one\nTWO\nextra");
        assertEquals("one\r\nTWO\r\nextra\r\nthree\r\n", f.read("win.txt"));
    }

    @Test
    void emptyOldStringCreatesAMissingFileButNotOverAnExistingOne() throws Exception {
        ToolFixture f = new ToolFixture(temp);
        ToolOutput out = f.run(new EditTool(), "file_path", "new/B.md", "old_string", "", "new_string", "# B\n");
        assertEquals("# B\n", f.read("new/B.md"));
        assertTrue(out.text().contains("+# B"), out.text());
        assertEquals(List.of("new/B.md"), out.changedFiles());
        ToolException e = assertThrows(ToolException.class,
                () -> f.run(new EditTool(), "file_path", "new/B.md", "old_string", "", "new_string", "other"));
        assertTrue(e.getMessage().contains("already has content"), e.getMessage());
    }

    @Test
    void missingFileWithOldStringIsAnError() {
        ToolFixture f = new ToolFixture(temp);
        assertThrows(ToolException.class,
                () -> f.run(new EditTool(), "file_path", "nope.txt", "old_string", "a", "new_string", "b"));
    }

    @Test
    void deletingALineShowsOnlyThatLine() throws Exception {
        ToolFixture f = new ToolFixture(temp);
        f.write("a.txt", "keep\ndrop\nkeep too\n");
        String text = f.run(new EditTool(), "file_path", "a.txt", "old_string", "drop\n", "new_string", "").text();
        assertEquals("keep\nkeep too\n", f.read("a.txt"));
        assertTrue(text.endsWith("@@ -1,3 +1,2 @@\n keep\n-drop\n keep too"), text);
    }

    @Test
    void distantChangesGetSeparateHunks() throws Exception {
        ToolFixture f = new ToolFixture(temp);
        StringBuilder content = new StringBuilder("TODO\n");
        for (int i = 0; i < 20; i++) {
            content.append("filler ").append(i).append('\n');
        }
        f.write("a.txt", content.append("TODO\n").toString());
        String text = f.run(new EditTool(), "file_path", "a.txt", "old_string", "TODO", "new_string", "DONE",
                "replace_all", true).text();
        assertEquals(2, text.split("\n@@ ", -1).length - 1, text);
        assertTrue(text.contains("@@ -19,4 +19,4 @@"), text);
    }
}
