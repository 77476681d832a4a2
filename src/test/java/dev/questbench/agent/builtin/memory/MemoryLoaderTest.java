package dev.questbench.agent.builtin.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Memory from a real folder tree: which files load in which order, and how {@code @imports} expand. */
class MemoryLoaderTest {
    @TempDir
    Path tmp;

    private Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static List<String> summary(List<MemoryFile> files, Path base) {
        return files.stream().map(f -> f.scope() + " " + base.relativize(f.path())).toList();
    }

    @Test
    void loadsUserMemoryThenRepositoryRootDownToTheWorkFolder() throws IOException {
        Path home = tmp.resolve("home");
        Path repo = tmp.resolve("outer/repo");
        Path work = repo.resolve("packages/app");
        write(home.resolve(".qoder/AGENTS.md"), "user prefs");
        write(tmp.resolve("outer/AGENTS.md"), "above the repository: not loaded");
        Files.createDirectories(repo.resolve(".git"));
        write(repo.resolve("AGENTS.md"), "root agents");
        write(repo.resolve("CLAUDE.md"), "root claude");
        write(repo.resolve("AGENTS.local.md"), "root local");
        write(repo.resolve("packages/AGENTS.md"), "packages agents");
        write(work.resolve("CLAUDE.md"), "app claude");
        write(work.resolve("sub/AGENTS.md"), "below the work folder: not loaded");
        write(repo.resolve("packages/empty/AGENTS.md"), "");

        List<MemoryFile> files = MemoryLoader.load(work, home);

        assertEquals(List.of("user home/.qoder/AGENTS.md", "project outer/repo/AGENTS.md",
                "project outer/repo/CLAUDE.md", "local outer/repo/AGENTS.local.md",
                "project outer/repo/packages/AGENTS.md", "project outer/repo/packages/app/CLAUDE.md"),
                summary(files, tmp));
        assertEquals("user prefs", files.get(0).content());
        assertEquals("app claude", files.get(5).content());
    }

    @Test
    void aGitFileMarksTheRootTooAndWithoutGitOnlyTheWorkFolderCounts() throws IOException {
        Path worktree = tmp.resolve("wt");
        write(worktree.resolve(".git"), "gitdir: /elsewhere/.git/worktrees/wt");
        write(worktree.resolve("AGENTS.md"), "worktree root");
        write(worktree.resolve("src/AGENTS.local.md"), "src local");
        assertEquals(List.of("project wt/AGENTS.md", "local wt/src/AGENTS.local.md"),
                summary(MemoryLoader.load(worktree.resolve("src"), tmp.resolve("nohome")), tmp));

        Path plain = tmp.resolve("plain");
        write(plain.resolve("AGENTS.md"), "parent");
        write(plain.resolve("child/AGENTS.md"), "child");
        assertEquals(List.of("project plain/child/AGENTS.md"),
                summary(MemoryLoader.load(plain.resolve("child"), tmp.resolve("nohome")), tmp));
    }

    @Test
    void withoutAWorkFolderOnlyUserMemoryLoads() throws IOException {
        Path home = tmp.resolve("home");
        write(home.resolve(".qoder/AGENTS.md"), "user");
        assertEquals(List.of("user home/.qoder/AGENTS.md"), summary(MemoryLoader.load(null, home), tmp));
        assertEquals(List.of(), MemoryLoader.load(null, null));
        assertEquals(List.of(), MemoryLoader.load(tmp.resolve("does/not/exist"), tmp.resolve("nohome")));
    }

    @Test
    void expandsImportsRelativeNestedAbsoluteAndFromHome() throws IOException {
        Path home = tmp.resolve("home");
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve(".git"));
        write(home.resolve("shared/style.md"), "Use tabs.");
        Path absolute = write(tmp.resolve("elsewhere/abs.md"), "Absolute text.");
        write(repo.resolve("docs/build.md"), "Build with mvn.\nSee @details/more.md");
        write(repo.resolve("docs/details/more.md"), "Nested detail.");
        write(repo.resolve("AGENTS.md"), String.join("\n",
                "# Project",
                "Build: @docs/build.md",
                "Style: @~/shared/style.md.",
                "Abs: @" + absolute,
                "Mail me at dev@example.com, or see @missing.md",
                "Inline `@docs/build.md` stays.",
                "```",
                "@docs/build.md",
                "```",
                "After the fence: @./docs/details/more.md"));

        String content = MemoryLoader.load(repo, home).get(0).content();

        assertEquals(String.join("\n",
                "# Project",
                "Build: Build with mvn.\nSee Nested detail.",
                "Style: Use tabs..",
                "Abs: Absolute text.",
                "Mail me at dev@example.com, or see @missing.md",
                "Inline `@docs/build.md` stays.",
                "```",
                "@docs/build.md",
                "```",
                "After the fence: Nested detail."), content);
    }

    @Test
    void importCyclesStopAndDepthIsLimited() throws IOException {
        Path repo = tmp.resolve("repo");
        write(repo.resolve("AGENTS.md"), "A imports @b.md");
        write(repo.resolve("b.md"), "B imports @AGENTS.md");
        assertEquals("A imports B imports @AGENTS.md", MemoryLoader.load(repo, null).get(0).content());

        Path deep = tmp.resolve("deep");
        write(deep.resolve("AGENTS.md"), "0 @1.md");
        for (int i = 1; i <= 7; i++) {
            write(deep.resolve(i + ".md"), i + " @" + (i + 1) + ".md");
        }
        assertEquals("0 1 2 3 4 5 @6.md", MemoryLoader.load(deep, null).get(0).content());
    }

    @Test
    void bigFilesAreCutWithANoteAndUnreadableFilesAreSkipped() throws IOException {
        Path repo = tmp.resolve("repo");
        write(repo.resolve("AGENTS.md"), "x".repeat(150_000));
        Path locked = write(repo.resolve("CLAUDE.md"), "secret");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        boolean canStillRead = Files.isReadable(locked); // true when tests run as root

        List<MemoryFile> files = MemoryLoader.load(repo, null);

        String big = files.get(0).content();
        assertTrue(big.length() < 100_500 && big.length() > 100_000);
        assertTrue(big.contains("[Memory truncated: AGENTS.md is longer than 100 KB"));
        assertEquals(canStillRead ? 2 : 1, files.size());
        assertFalse(files.get(0).content().contains("secret"));
    }

    @Test
    void aFileReachedTwiceLoadsOnce() throws IOException {
        Path repo = tmp.resolve("repo");
        write(repo.resolve("AGENTS.md"), "shared rules");
        Files.createSymbolicLink(repo.resolve("CLAUDE.md"), repo.resolve("AGENTS.md"));
        assertEquals(List.of("project repo/AGENTS.md"), summary(MemoryLoader.load(repo, null), tmp));
    }
}
