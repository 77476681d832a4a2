package dev.questbench.workspace.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomCommandsTest {
    @TempDir
    Path dir;

    @Test
    void readsBothFoldersWithGroupsFrontmatterAndQoderWinning() throws IOException {
        write(".qoder/commands/fix.md", "---\ndescription: \"Fix an issue\"\n---\nFix issue $ARGUMENTS now.\n");
        write(".qoder/commands/git/pr.md", "Open a pull request.");
        write(".claude/commands/fix.md", "---\ndescription: Claude's fix\n---\nother\n");
        write(".claude/commands/explain.md", "Explain this code.");
        write(".claude/commands/notes.txt", "not a command");

        List<CustomCommand> commands = CustomCommands.read(dir);

        assertEquals(List.of("explain", "fix", "git:pr"), commands.stream().map(CustomCommand::name).toList());
        CustomCommand fix = commands.get(1);
        assertEquals("Fix an issue", fix.description());
        assertEquals(".qoder/commands/fix.md", fix.file());
        assertEquals("Fix issue #42 now.", fix.expand(" #42 "));
        assertEquals("Open a pull request.\n\nagainst main", commands.get(2).expand("against main"));
        assertEquals("Explain this code.", commands.get(0).expand(""));
    }

    @Test
    void noCommandFoldersMeansNoCommands() {
        assertEquals(List.of(), CustomCommands.read(dir));
    }

    private void write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
