package dev.questbench.agent.builtin.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobToolTest {
    @TempDir
    Path temp;

    private static List<String> lines(ToolOutput out) {
        return List.of(out.text().split("\n"));
    }

    @Test
    void doubleStarMatchesAtAnyDepthAndSingleStarOnlyAtTheTop() throws Exception {
        ToolFixture f = new ToolFixture(temp);
        f.write("README.md", "r");
        f.write("docs/guide.md", "g");
        f.write("docs/deep/more.md", "m");
        f.write("src/A.java", "a");
        touch(f, "README.md", 3);
        touch(f, "docs/guide.md", 2);
        touch(f, "docs/deep/more.md", 1);
        assertEquals(List.of("docs/deep/more.md", "docs/guide.md", "README.md"),
                lines(f.run(new GlobTool(), "pattern", "**/*.md")));
        assertEquals(List.of("README.md"), lines(f.run(new GlobTool(), "pattern", "*.md")));
    }

    @Test
    void newestFirst() throws Exception {
        ToolFixture f = new ToolFixture(temp);
        f.write("old.txt", "o");
        f.write("new.txt", "n");
        f.write("mid.txt", "m");
        touch(f, "old.txt", 100);
        touch(f, "mid.txt", 50);
        touch(f, "new.txt", 1);
        assertEquals(List.of("new.txt", "mid.txt", "old.txt"), lines(f.run(new GlobTool(), "pattern", "*.txt")));
    }

    @Test
    void respectsRootAndNestedGitignoreAndSkipsDotGit() throws Exception {
        ToolFixture f = new ToolFixture(temp);
        f.write(".gitignore", "build/\n*.log\n!keep.log\n/root-only.txt\n");
        f.write(".git/config", "[core]");
        f.write(".git/HEAD.txt", "ref");
        f.write("build/out.txt", "o");
        f.write("app.log", "l");
        f.write("keep.log", "k");
        f.write("root-only.txt", "r");
        f.write("sub/root-only.txt", "r");
        f.write("sub/.gitignore", "secret.txt\n");
        f.write("sub/secret.txt", "s");
        f.write("sub/visible.txt", "v");
        f.write("other/secret.txt", "s");
        List<String> found = lines(f.run(new GlobTool(), "pattern", "**/*"));
        assertEquals(List.of(".gitignore", "keep.log", "other/secret.txt", "sub/.gitignore", "sub/root-only.txt",
                "sub/visible.txt"), found.stream().sorted().toList());
    }

    @Test
    void pathNarrowsTheSearchAndParentIgnoreRulesStillApply() throws Exception {
        ToolFixture f = new ToolFixture(temp);
        f.write(".gitignore", "*.gen.java\n");
        f.write("src/main/A.java", "a");
        f.write("src/main/A.gen.java", "a");
        f.write("test/B.java", "b");
        assertEquals(List.of("src/main/A.java"), lines(f.run(new GlobTool(), "pattern", "**/*.java", "path", "src")));
    }

    @Test
    void bracesGiveAlternatives() throws Exception {
        ToolFixture f = new ToolFixture(temp);
        f.write("web/a.ts", "a");
        f.write("web/b.tsx", "b");
        f.write("web/c.js", "c");
        assertEquals(List.of("web/a.ts", "web/b.tsx"),
                lines(f.run(new GlobTool(), "pattern", "**/*.{ts,tsx}")).stream().sorted().toList());
    }

    @Test
    void capsAtAThousandWithANote() throws Exception {
        ToolFixture f = new ToolFixture(temp);
        for (int i = 0; i < 1005; i++) {
            Files.writeString(Files.createDirectories(f.workspace.resolve("many")).resolve("f" + i + ".txt"), "x");
        }
        ToolOutput out = f.run(new GlobTool(), "pattern", "many/*.txt");
        assertEquals(1000, out.text().lines().filter(l -> l.startsWith("many/")).count());
        assertTrue(out.text().endsWith("(Showing the 1000 most recently modified of 1005 matches; narrow the pattern "
                + "or the path.)"), out.text().substring(out.text().length() - 120));
    }

    @Test
    void noMatchesAndBadPaths() throws Exception {
        ToolFixture f = new ToolFixture(temp);
        f.write("a.txt", "a");
        assertTrue(f.run(new GlobTool(), "pattern", "*.java").text().startsWith("No files match"));
        assertThrows(ToolException.class, () -> f.run(new GlobTool(), "pattern", "*", "path", "missing"));
        assertThrows(ToolException.class, () -> f.run(new GlobTool(), "pattern", "*", "path", "a.txt"));
        assertThrows(ToolException.class, () -> f.run(new GlobTool(), "path", "."));
    }

    private static void touch(ToolFixture f, String relative, int minutesAgo) throws Exception {
        Files.setLastModifiedTime(f.workspace.resolve(relative),
                FileTime.from(Instant.now().minusSeconds(60L * minutesAgo)));
    }
}
