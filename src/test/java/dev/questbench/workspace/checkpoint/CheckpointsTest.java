package dev.questbench.workspace.checkpoint;

import static dev.questbench.workspace.checkpoint.TestRepos.GIT;
import static dev.questbench.workspace.checkpoint.TestRepos.files;
import static dev.questbench.workspace.checkpoint.TestRepos.git;
import static dev.questbench.workspace.checkpoint.TestRepos.repo;
import static dev.questbench.workspace.checkpoint.TestRepos.tree;
import static dev.questbench.workspace.checkpoint.TestRepos.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.workspace.git.GitException;
import dev.questbench.workspace.git.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints on real git repositories: what is recorded, what restoring writes, and what it never touches. */
class CheckpointsTest {
    private static final String QUEST = "qst_01TEST";

    @TempDir
    Path temp;

    private Checkpoints checkpoints() {
        return new Checkpoints(GIT, temp.resolve("data/checkpoints"));
    }

    /** What the user's own git state is: HEAD, the index (entries and bytes) and the stash. */
    private record UserState(String head, String branch, String stagedEntries, String stash, byte[] index) {
        static UserState of(Path repo) {
            Path index = repo.resolve(".git/index");
            return new UserState(GIT.run(repo, "rev-parse", "--verify", "-q", "HEAD").text(),
                    GIT.run(repo, "symbolic-ref", "-q", "HEAD").text(), git(repo, "ls-files", "-s"),
                    git(repo, "stash", "list"), Files.exists(index) ? TestRepos.bytes(index) : null);
        }

        void assertSame(UserState after) {
            assertEquals(head, after.head, "HEAD");
            assertEquals(branch, after.branch, "branch");
            assertEquals(stagedEntries, after.stagedEntries, "index entries");
            assertEquals(stash, after.stash, "stash");
            assertArrayEquals(index, after.index, "index bytes");
        }
    }

    @Test
    void roundTripRestoresModifiedDeletedAndAddedFilesAndLeavesHeadIndexAndStashAlone() {
        Path repo = repo(temp.resolve("repo"), Map.of("a.txt", "a1", "c.txt", "c1", "dir/b.txt", "b1",
                ".gitignore", "*.log\n"));
        write(repo, "a.txt", "stashed");
        git(repo, "stash", "-q");
        write(repo, "staged.txt", "s1");
        git(repo, "add", "staged.txt");
        write(repo, "untracked.txt", "u1");
        write(repo, "keep.log", "ignored");
        UserState before = UserState.of(repo);
        Map<String, String> filesBefore = files(repo);
        Checkpoints checkpoints = checkpoints();

        Checkpoint checkpoint = checkpoints.take(repo, QUEST, 1);

        assertEquals("refs/questbench/" + QUEST + "/1", checkpoint.ref());
        assertEquals(checkpoint.commit(), git(repo, "rev-parse", checkpoint.ref()));
        List<String> recorded = tree(repo, checkpoint.commit()).lines().toList();
        assertTrue(recorded.containsAll(List.of("untracked.txt", "staged.txt", "a.txt", "dir/b.txt")),
                recorded::toString);
        assertFalse(recorded.contains("keep.log"), "ignored files are not recorded");

        write(repo, "a.txt", "a2");
        write(repo, "untracked.txt", "u2");
        write(repo, "new/deep/n.txt", "added");
        write(repo, "other.log", "ignored, made by the turn");
        write(repo, "staged.txt", "s2");
        delete(repo.resolve("c.txt"));
        delete(repo.resolve("dir/b.txt"));

        String safety = checkpoints.restore(repo, QUEST, checkpoint.commit());

        Map<String, String> expected = new java.util.TreeMap<>(filesBefore);
        expected.put("other.log", "ignored, made by the turn");
        assertEquals(expected, files(repo));
        assertFalse(Files.exists(repo.resolve("new")), "folders left empty by deleted files are removed");
        before.assertSame(UserState.of(repo));
        assertEquals("a2", git(repo, "show", safety + ":a.txt"), "the reverted state stays diffable");
        assertEquals(checkpoint.commit(), git(repo, "rev-parse", safety + "^"));
        assertEquals(safety, git(repo, "rev-parse", "refs/questbench/" + QUEST + "/undo/1"));
    }

    @Test
    void checkpointsChainAndAreListedAndDeletedPerQuest() {
        Path repo = repo(temp.resolve("repo"), Map.of("a.txt", "1"));
        Checkpoints checkpoints = checkpoints();
        Checkpoint first = checkpoints.take(repo, QUEST, 1);
        write(repo, "a.txt", "2");
        Checkpoint second = checkpoints.take(repo, QUEST, 2);
        checkpoints.take(repo, "qst_OTHER", 1);
        checkpoints.restore(repo, QUEST, first.commit());

        assertEquals(first.commit(), git(repo, "rev-parse", second.commit() + "^"));
        assertNotEquals(first.commit(), second.commit());
        assertEquals(List.of(first, second), checkpoints.list(repo, QUEST));

        checkpoints.delete(repo, QUEST);

        assertEquals(List.of(), checkpoints.list(repo, QUEST));
        assertEquals("", git(repo, "for-each-ref", "refs/questbench/" + QUEST + "/"), "undo refs go too");
        assertEquals(1, checkpoints.list(repo, "qst_OTHER").size(), "other quests keep theirs");
    }

    @Test
    void worksInARepositoryWithNoCommits() {
        Path repo = repo(temp.resolve("empty"), Map.of());
        write(repo, "a.txt", "1");
        Checkpoints checkpoints = checkpoints();
        Checkpoint checkpoint = checkpoints.take(repo, QUEST, 1);
        write(repo, "a.txt", "2");
        write(repo, "b.txt", "new");

        checkpoints.restore(repo, QUEST, checkpoint.commit());

        assertEquals(Map.of("a.txt", "1"), files(repo));
        assertFalse(GIT.run(repo, "rev-parse", "--verify", "-q", "HEAD").ok(), "HEAD stays unborn");
        assertFalse(Files.exists(repo.resolve(".git/index")), "no index appears");
    }

    @Test
    void worksOnADetachedHead() {
        Path repo = repo(temp.resolve("repo"), Map.of("a.txt", "1"));
        write(repo, "a.txt", "2");
        git(repo, "commit", "-q", "-am", "second");
        git(repo, "checkout", "-q", "--detach", "HEAD~1");
        UserState before = UserState.of(repo);
        Checkpoints checkpoints = checkpoints();
        Checkpoint checkpoint = checkpoints.take(repo, QUEST, 1);
        write(repo, "a.txt", "3");

        checkpoints.restore(repo, QUEST, checkpoint.commit());

        assertEquals(Map.of("a.txt", "1"), files(repo));
        before.assertSame(UserState.of(repo));
        assertEquals("", before.branch(), "still detached");
    }

    @Test
    void worksInALinkedWorktreeAndKeepsRefsInTheSharedRepository() {
        Path main = repo(temp.resolve("main"), Map.of("a.txt", "1"));
        Path worktree = temp.resolve("linked");
        git(main, "worktree", "add", "-q", "-b", "feature", worktree.toString());
        write(worktree, "w.txt", "untracked in the worktree");
        String mainIndex = git(main, "ls-files", "-s");
        Checkpoints checkpoints = checkpoints();
        Checkpoint checkpoint = checkpoints.take(worktree, QUEST, 1);
        write(worktree, "a.txt", "changed");
        delete(worktree.resolve("w.txt"));

        checkpoints.restore(worktree, QUEST, checkpoint.commit());

        assertEquals(Map.of("a.txt", "1", "w.txt", "untracked in the worktree"), files(worktree));
        assertEquals(checkpoint.commit(), git(main, "rev-parse", checkpoint.ref()));
        assertEquals("refs/heads/feature", git(worktree, "symbolic-ref", "HEAD"));
        assertEquals(mainIndex, git(main, "ls-files", "-s"));
        assertEquals(Map.of("a.txt", "1"), files(main), "the main checkout is not touched");
    }

    @Test
    void handlesSpacesAndUnicodeInPaths() {
        Path repo = repo(temp.resolve("my project ü"),
                Map.of("naïve file ✓.txt", "1", "dir with space/ö.md", "x"));
        Checkpoints checkpoints = checkpoints();
        Checkpoint checkpoint = checkpoints.take(repo, QUEST, 1);
        write(repo, "naïve file ✓.txt", "2");
        write(repo, "新しい フォルダ/ファイル.txt", "added");
        delete(repo.resolve("dir with space/ö.md"));

        checkpoints.restore(repo, QUEST, checkpoint.commit());

        assertEquals(Map.of("naïve file ✓.txt", "1", "dir with space/ö.md", "x"), files(repo));
    }

    @Test
    void aPlainFolderUsesAShadowRepositoryAndNeverGetsADotGit() {
        Path folder = temp.resolve("plain folder");
        write(folder, "notes.md", "1");
        write(folder, ".gitignore", "build/\n");
        write(folder, "build/out.bin", "ignored");
        Checkpoints checkpoints = checkpoints();
        Checkpoint first = checkpoints.take(folder, QUEST, 1);
        write(folder, "notes.md", "2");
        write(folder, "extra.txt", "added");
        Checkpoint second = checkpoints.take(folder, QUEST, 2);
        write(folder, "build/out.bin", "ignored, changed");

        checkpoints.restore(folder, QUEST, first.commit());

        assertEquals(Map.of("notes.md", "1", ".gitignore", "build/\n", "build/out.bin", "ignored, changed"),
                files(folder));
        assertFalse(Files.exists(folder.resolve(".git")), "no .git in the user's folder");
        assertEquals(List.of(first, second), checkpoints.list(folder, QUEST));
        try (Stream<Path> shadows = Files.list(temp.resolve("data/checkpoints"))) {
            assertEquals(1, shadows.count(), "one shadow repository under the data directory");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * "Racily clean" files: written in the same second as the index that recorded them, then rewritten with the same
     * size and second. Only git's check against the index file's own time catches that, so the copy of the index a
     * snapshot starts from must keep that time.
     */
    @Test
    void aFileRewrittenInTheSecondTheIndexWasWrittenIsRecorded() throws java.io.IOException {
        Path folder = temp.resolve("plain");
        Path repo = repo(temp.resolve("repo"), Map.of("a.txt", "0"));
        write(folder, "a.txt", "0");
        Checkpoints checkpoints = checkpoints();
        checkpoints.take(folder, QUEST, 1);
        FileTime second = FileTime.from(Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS));
        for (Path root : List.of(folder, repo)) {
            Files.setLastModifiedTime(root.resolve("a.txt"), second);
        }
        checkpoints.take(folder, QUEST, 2); // records a.txt's time in the shadow repository's index
        git(repo, "update-index", "--refresh");
        Files.setLastModifiedTime(shadow(folder).resolve("index"), second);
        Files.setLastModifiedTime(repo.resolve(".git/index"), second);

        for (Path root : List.of(folder, repo)) {
            write(root, "a.txt", "1");
            Files.setLastModifiedTime(root.resolve("a.txt"), FileTime.from(second.toInstant().plusMillis(500)));
        }
        Checkpoint plain = checkpoints.take(folder, QUEST, 3);
        Checkpoint tracked = checkpoints.take(repo, QUEST, 3);

        assertEquals("1", git(repo, "show", tracked.commit() + ":a.txt"), "repository");
        assertEquals("1", GIT.output(folder, "--git-dir=" + shadow(folder), "show", plain.commit() + ":a.txt"),
                "plain folder");
    }

    @Test
    void aSubFolderOfARepositoryIsRecordedAndRestoredAlone() {
        Path repo = repo(temp.resolve("mono"), Map.of("app/a.txt", "1", "lib/l.txt", "1"));
        Path app = repo.resolve("app");
        Checkpoints checkpoints = checkpoints();
        Checkpoint checkpoint = checkpoints.take(app, QUEST, 1);
        write(repo, "app/a.txt", "2");
        write(repo, "app/new.txt", "added");
        write(repo, "lib/l.txt", "changed outside the workspace");

        checkpoints.restore(app, QUEST, checkpoint.commit());

        assertEquals(Map.of("app/a.txt", "1", "lib/l.txt", "changed outside the workspace"), files(repo));
    }

    @Test
    void restoringACheckpointThatIsGoneSaysSo() {
        Path repo = repo(temp.resolve("repo"), Map.of("a.txt", "1"));
        GitException error = assertThrows(GitException.class,
                () -> checkpoints().restore(repo, QUEST, "0123456789abcdef0123456789abcdef01234567"));
        assertTrue(error.getMessage().contains("cannot be restored"), error.getMessage());
        assertEquals(Map.of("a.txt", "1"), files(repo));
    }

    @Test
    void questIdsThatAreNotRefNamesAreRefused() {
        Path repo = repo(temp.resolve("repo"), Map.of("a.txt", "1"));
        assertThrows(IllegalArgumentException.class, () -> checkpoints().take(repo, "../../HEAD", 1));
    }

    @Test
    void missingGitIsAClearMessage() {
        GitException error = assertThrows(GitException.class,
                () -> dev.questbench.workspace.git.Git.locate(Map.of("PATH", "/nonexistent")));
        assertTrue(error.getMessage().startsWith("Git is not installed"), error.getMessage());
        assertTrue(error.getMessage().contains("Install it"), error.getMessage());
    }

    private Path shadow(Path folder) {
        return new Snapshot(GIT).locate(folder, temp.resolve("data/checkpoints")).gitDir();
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
