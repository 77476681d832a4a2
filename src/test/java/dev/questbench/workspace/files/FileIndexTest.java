package dev.questbench.workspace.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileIndexTest {
    @TempDir
    Path dir;

    @Test
    void indexesFilesAndFoldersButSkipsIgnoredAndBuildOutput() throws IOException {
        write("src/main/App.java");
        write("src/main/Util.java");
        write("README.md");
        write("node_modules/left/index.js");
        write("target/classes/App.class");
        write("build/out.txt");
        write(".git/HEAD");
        write("logs/run.log");
        write("docs/private/secret.md");
        write("docs/guide.md");
        Files.writeString(dir.resolve(".gitignore"), "logs/\n*.tmp\n");
        Files.writeString(dir.resolve("docs/.gitignore"), "private/\n");
        write("notes.tmp");

        List<String> all = paths(FileIndex.build(dir).search("", 100));

        assertTrue(all.containsAll(List.of("src/", "src/main/", "src/main/App.java", "src/main/Util.java",
                "README.md", "docs/guide.md", ".gitignore")), all.toString());
        for (String hidden : List.of("node_modules/", "target/", "build/", ".git/", "logs/", "logs/run.log",
                "docs/private/", "docs/private/secret.md", "notes.tmp")) {
            assertFalse(all.contains(hidden), hidden + " should be left out of " + all);
        }
    }

    @Test
    void basenameMatchesComeBeforeMatchesSpreadOverThePath() throws IOException {
        write("src/main/java/dev/app/composer/ComposerView.java");
        write("src/main/java/dev/app/composer/QueuedBubble.java");
        write("core/other/PlainText.java");
        write("docs/composer-view-notes/readme.txt");

        FileIndex index = FileIndex.build(dir);

        assertEquals("src/main/java/dev/app/composer/ComposerView.java", index.search("compview", 5).get(0).path());
        assertEquals("core/other/PlainText.java", index.search("plaintext", 5).get(0).path());
        assertEquals(List.of(), index.search("zzz", 5));
    }

    @Test
    void anExactFileNameBeatsALongerOneThatStartsTheSame() throws IOException {
        write("a/b/c/pom.xml");
        write("pomegranate/pom-tools.xml");
        write("x/pomodoro.txt");

        assertEquals("a/b/c/pom.xml", FileIndex.build(dir).search("pom", 3).get(0).path());
    }

    @Test
    void theLimitKeepsTheBestAndFoldersAreMarked() throws IOException {
        for (int i = 0; i < 30; i++) {
            write("pkg" + i + "/File" + i + ".java");
        }
        FileIndex index = FileIndex.build(dir);

        List<FileIndex.Entry> found = index.search("file7", 3);
        assertEquals("pkg7/File7.java", found.get(0).path());
        assertEquals(3, found.size());
        assertTrue(index.search("pkg12", 1).get(0).folder());
        assertEquals(60, index.size());
    }

    private void write(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
    }

    private static List<String> paths(FileIndex.Entry... entries) {
        return List.of(entries).stream().map(FileIndex.Entry::path).toList();
    }

    private static List<String> paths(List<FileIndex.Entry> entries) {
        return entries.stream().map(FileIndex.Entry::path).toList();
    }
}
