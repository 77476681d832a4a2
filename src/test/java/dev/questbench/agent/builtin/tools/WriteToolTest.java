package dev.questbench.agent.builtin.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteToolTest {
    @TempDir
    Path temp;

    @Test
    void createsMissingFoldersAndReportsBytesAndTheChangedFile() throws Exception {
        ToolFixture f = new ToolFixture(temp);
        ToolOutput out = f.run(new WriteTool(), "file_path", "deep/er/new.txt", "content", "héllo\n");
        assertEquals("héllo\n", f.read("deep/er/new.txt"));
        assertEquals("Created deep/er/new.txt (7 bytes written).", out.text());
        assertEquals(List.of("deep/er/new.txt"), out.changedFiles());
    }

    @Test
    void overwritesAnExistingFile() throws Exception {
        ToolFixture f = new ToolFixture(temp);
        f.write("a.txt", "old content that is longer");
        ToolOutput out = f.run(new WriteTool(), "file_path", f.workspace.resolve("a.txt").toString(), "content", "new");
        assertEquals("new", f.read("a.txt"));
        assertTrue(out.text().startsWith("Overwrote a.txt"), out.text());
    }

    @Test
    void emptyContentIsAllowedButMissingContentIsNot() throws Exception {
        ToolFixture f = new ToolFixture(temp);
        f.run(new WriteTool(), "file_path", "empty.txt", "content", "");
        assertEquals("", f.read("empty.txt"));
        ToolException e = assertThrows(ToolException.class, () -> f.run(new WriteTool(), "file_path", "x.txt"));
        assertTrue(e.getMessage().contains("'content'"), e.getMessage());
    }

    @Test
    void aFolderCannotBeOverwritten() {
        ToolFixture f = new ToolFixture(temp);
        f.write("dir/a.txt", "a");
        assertThrows(ToolException.class, () -> f.run(new WriteTool(), "file_path", "dir", "content", "x"));
    }
}
