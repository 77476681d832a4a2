package dev.questbench.workspace.diff;

import static dev.questbench.workspace.diff.DiffParserGitTest.find;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.workspace.git.GitException;
import dev.questbench.workspace.git.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three review scopes and external changes on real repositories and a shadow repository. */
class DiffsTest {
    @TempDir
    Path temp;
    private final Diffs diffs = new Diffs(TestRepo.GIT);
    private final Snapshot snapshot = new Snapshot(TestRepo.GIT);

    @Test
    void emptyRepositoryListsStagedAndUntrackedFiles() throws IOException {
        TestRepo repo = TestRepo.init(temp.resolve("repo"));
        repo.write("staged.txt", "s\n").write("notes/untracked file.txt", "hello\n");
        repo.git("add", "staged.txt");

        List<FileDiff> files = diffs.diff(repo.dir, DiffScope.ALL_UNCOMMITTED, null, shadows());

        assertEquals(List.of("notes/untracked file.txt", "staged.txt"), paths(files));
        FileDiff staged = find(files, "staged.txt");
        assertEquals(Boolean.TRUE, staged.staged());
        assertEquals(ChangeKind.ADDED, staged.kind());
        FileDiff untracked = find(files, "notes/untracked file.txt");
        assertEquals(Boolean.FALSE, untracked.staged());
        assertEquals(ChangeKind.ADDED, untracked.kind());
        assertEquals("hello", untracked.hunks().get(0).lines().get(0).text());
    }

    @Test
    void stagedAndUnstagedChangesOfOneFileAppearTwiceAndTheIndexIsUntouched() throws IOException {
        TestRepo repo = TestRepo.init(temp.resolve("repo"));
        repo.write("a.txt", "1\n").write("b.txt", "b\n").write(".gitignore", "*.log\n").commitAll("base");
        repo.write("a.txt", "2\n");
        repo.git("add", "a.txt");
        repo.write("a.txt", "3\n").write("new.bin", new byte[] {0, 9, 0}).write("debug.log", "ignored\n");
        Files.delete(repo.dir.resolve("b.txt"));
        String statusBefore = repo.git("status", "--porcelain");
        byte[] indexBefore = Files.readAllBytes(repo.dir.resolve(".git/index"));

        List<FileDiff> files = diffs.diff(repo.dir, DiffScope.ALL_UNCOMMITTED, null, shadows());

        assertEquals(List.of("a.txt", "a.txt", "b.txt", "new.bin"), paths(files));
        assertEquals(Boolean.TRUE, files.get(0).staged());
        assertEquals(List.of("1", "2"), texts(files.get(0)));
        assertEquals(Boolean.FALSE, files.get(1).staged());
        assertEquals(List.of("2", "3"), texts(files.get(1)));
        assertEquals(ChangeKind.DELETED, files.get(2).kind());
        assertEquals(Boolean.FALSE, files.get(2).staged());
        assertTrue(files.get(3).binary());
        assertEquals(statusBefore, repo.git("status", "--porcelain"));
        assertTrue(java.util.Arrays.equals(indexBefore, Files.readAllBytes(repo.dir.resolve(".git/index"))),
                "the user's index is not written");
    }

    @Test
    void aMergeConflictIsListedWithoutHunksBesideUntrackedFiles() throws IOException {
        TestRepo repo = TestRepo.init(temp.resolve("repo"));
        repo.write("c.txt", "base\n").commitAll("base");
        String base = repo.git("rev-parse", "--abbrev-ref", "HEAD").strip();
        repo.git("checkout", "-q", "-b", "other");
        repo.write("c.txt", "theirs\n").commitAll("theirs");
        repo.git("checkout", "-q", base);
        repo.write("c.txt", "ours\n").commitAll("ours");
        assertFalse(TestRepo.GIT.run(repo.dir, "merge", "-q", "other").ok(), "the merge conflicts");
        repo.write("u.txt", "u\n");

        List<FileDiff> files = diffs.diff(repo.dir, DiffScope.ALL_UNCOMMITTED, null, shadows());

        assertEquals(List.of("c.txt", "u.txt"), paths(files));
        assertEquals(ChangeKind.MODIFIED, files.get(0).kind());
        assertTrue(files.get(0).hunks().isEmpty(), "combined diffs are not parsed into hunks");
        assertEquals(ChangeKind.ADDED, files.get(1).kind());
    }

    @Test
    void largeUntrackedFileIsListedWithoutItsLinesAndSubfoldersSeeTheWholeRepository() throws IOException {
        TestRepo repo = TestRepo.init(temp.resolve("repo"));
        repo.write("sub/keep.txt", "k\n").commitAll("base");
        repo.write("big.txt", "0123456\n".repeat(300_000));

        List<FileDiff> files = diffs.diff(repo.dir.resolve("sub"), DiffScope.ALL_UNCOMMITTED, null, shadows());

        FileDiff big = DiffParserGitTest.only(files);
        assertEquals("big.txt", big.path());
        assertTrue(big.tooLarge());
        assertEquals(300_000, big.additions());
        assertEquals(Boolean.FALSE, big.staged());
    }

    @Test
    void currentQuestAndLastTurnCompareCheckpointsWithTheWorkingTree() throws IOException {
        TestRepo repo = TestRepo.init(temp.resolve("repo"));
        repo.write("a.txt", "a\n").write("b.txt", "b\n").write("c.txt", "c\n").commitAll("base");
        repo.write("c.txt", "staged by the user\n");
        repo.git("add", "c.txt");
        Snapshot.Location location = snapshot.locate(repo.dir, shadows());
        String first = snapshot.take(location, null, "turn 1");
        repo.write("a.txt", "A\n").write("fresh.txt", "untracked\n");
        String last = snapshot.take(location, first, "turn 2");
        Files.delete(repo.dir.resolve("b.txt"));

        List<FileDiff> quest = diffs.diff(repo.dir, DiffScope.CURRENT_QUEST, first, shadows());
        List<FileDiff> turn = diffs.diff(repo.dir, DiffScope.LAST_TURN, last, shadows());

        assertEquals(List.of("a.txt", "b.txt", "fresh.txt"), paths(quest));
        assertEquals(ChangeKind.ADDED, find(quest, "fresh.txt").kind(), "untracked files count");
        assertNull(find(quest, "a.txt").staged());
        assertEquals(List.of("b.txt"), paths(turn));
        assertEquals(ChangeKind.DELETED, turn.get(0).kind());
        assertEquals("c.txt\n", repo.git("diff", "--cached", "--name-only"), "the user's staging is kept");
    }

    @Test
    void aQuestInASubfolderSeesOnlyItsFolder() throws IOException {
        TestRepo repo = TestRepo.init(temp.resolve("repo"));
        repo.write("app/main.txt", "m\n").write("lib/other.txt", "o\n").commitAll("base");
        Path folder = repo.dir.resolve("app");
        Snapshot.Location location = snapshot.locate(folder, shadows());
        String checkpoint = snapshot.take(location, null, "turn 1", folder);
        repo.write("app/main.txt", "quest\n").write("app/new.txt", "n\n").write("lib/other.txt", "user\n")
                .write("lib/untracked.txt", "u\n");
        repo.git("add", "lib/other.txt");

        List<FileDiff> files = diffs.diff(folder, DiffScope.CURRENT_QUEST, checkpoint, shadows());

        assertEquals(List.of("app/main.txt", "app/new.txt"), paths(files), "repository-relative, inside the folder");
    }

    @Test
    void plainFolderUsesTheShadowRepositoryAndHasNoUncommittedScope() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("plain folder"));
        Files.writeString(folder.resolve("notes.md"), "# Notes\n");
        String checkpoint = snapshot.take(snapshot.locate(folder, shadows()), null, "turn 1");
        Files.writeString(folder.resolve("notes.md"), "# Notes\nmore\n");

        List<FileDiff> files = diffs.diff(folder, DiffScope.CURRENT_QUEST, checkpoint, shadows());

        assertEquals(List.of("notes.md"), paths(files));
        assertEquals(List.of("more"), texts(files.get(0)));
        assertFalse(Files.exists(folder.resolve(".git")));
        GitException error = assertThrows(GitException.class,
                () -> diffs.diff(folder, DiffScope.ALL_UNCOMMITTED, null, shadows()));
        assertTrue(error.getMessage().contains("not in a git repository"), error.getMessage());
    }

    @Test
    void changesNotWrittenByTheQuestAreExternal() throws IOException {
        TestRepo repo = TestRepo.init(temp.resolve("repo"));
        repo.write("a.txt", "a\n").write("sub/b.txt", "b\n").write("c.txt", "c\n").commitAll("base");
        String checkpoint = snapshot.take(snapshot.locate(repo.dir, shadows()), null, "turn 1");
        repo.write("a.txt", "quest\n").write("sub/b.txt", "quest\n"); // the quest's Write/Edit tools
        repo.write("c.txt", "user\n").write("d.txt", "user\n"); // someone else
        Set<String> touched = Set.of(repo.dir.resolve("a.txt").toString(), "sub/b.txt");

        Set<String> external = diffs.externalChanges(repo.dir, checkpoint, touched, shadows());
        List<FileDiff> files = diffs.diff(repo.dir, DiffScope.LAST_TURN, checkpoint, shadows(), checkpoint, touched);

        assertEquals(Set.of("c.txt", "d.txt"), external);
        assertEquals(List.of("a.txt", "c.txt", "d.txt", "sub/b.txt"), paths(files));
        assertEquals(List.of(false, true, true, false), files.stream().map(FileDiff::external).toList());
    }

    @Test
    void externalChangesFromAQuestInASubfolder() throws IOException {
        TestRepo repo = TestRepo.init(temp.resolve("repo"));
        repo.write("app/main.txt", "m\n").write("app/other.txt", "o\n").commitAll("base");
        Path folder = repo.dir.resolve("app");
        String checkpoint = snapshot.take(snapshot.locate(folder, shadows()), null, "turn 1");
        repo.write("app/main.txt", "quest\n").write("app/other.txt", "user\n");

        Set<String> external = diffs.externalChanges(folder, checkpoint, Set.of("main.txt"), shadows());

        assertEquals(Set.of("app/other.txt"), external, "folder-relative tool paths match repository paths");
    }

    @Test
    void aMissingCheckpointSaysSo() throws IOException {
        TestRepo repo = TestRepo.init(temp.resolve("repo"));
        repo.write("a.txt", "a\n").commitAll("base");

        GitException error = assertThrows(GitException.class, () -> diffs.diff(repo.dir, DiffScope.CURRENT_QUEST,
                "0123456789abcdef0123456789abcdef01234567", shadows()));

        assertTrue(error.getMessage().contains("no longer in"), error.getMessage());
    }

    private Path shadows() {
        return temp.resolve("shadows");
    }

    private static List<String> paths(List<FileDiff> files) {
        return files.stream().map(FileDiff::path).toList();
    }

    /** The text of a file's changed lines, in order. */
    private static List<String> texts(FileDiff file) {
        return file.hunks().stream().flatMap(hunk -> hunk.lines().stream())
                .filter(line -> line.type() != DiffLine.Type.CONTEXT).map(DiffLine::text).toList();
    }
}
