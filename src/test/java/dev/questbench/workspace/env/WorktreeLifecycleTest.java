package dev.questbench.workspace.env;

import static dev.questbench.workspace.env.GitRepos.commitAll;
import static dev.questbench.workspace.env.GitRepos.git;
import static dev.questbench.workspace.env.GitRepos.read;
import static dev.questbench.workspace.env.GitRepos.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.domain.Ids;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Move to local, removal, listing, disk use and clean-up of worktrees on real repositories. */
class WorktreeLifecycleTest {
    @TempDir
    Path temp;
    private Path repo;
    private Worktrees worktrees;

    @BeforeEach
    void setUp() {
        repo = GitRepos.withCommit(temp.resolve("app"));
        worktrees = new Worktrees(GitRepos.GIT, temp.resolve("data/worktrees"));
    }

    private WorktreeInfo create(String title) {
        return worktrees.create(repo, Ids.quest(), title, null, false, line -> { });
    }

    @Test
    void moveToLocalIsRefusedOnADirtyTreeAndNamesAFile() {
        WorktreeInfo wt = create("Refused");
        write(repo, "a.txt", "local edit\n");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> worktrees.moveToLocal(repo, wt));

        assertEquals("Your workspace has uncommitted changes (1 file, e.g. a.txt). Commit or stash them, then Move "
                + "to local.", e.getMessage());
        assertTrue(Files.isDirectory(wt.path()), "the worktree is untouched");
        assertEquals("main", git(repo, "symbolic-ref", "--short", "HEAD").strip());
    }

    @Test
    void moveToLocalChecksOutTheBranchCarriesChangesOverAndRemovesTheWorktree() {
        WorktreeInfo wt = create("Move me");
        write(wt.path(), "committed.txt", "done\n");
        commitAll(wt.path(), "agent work");
        write(wt.path(), "a.txt", "alpha staged in worktree\n");
        git(wt.path(), "add", "a.txt");
        write(wt.path(), "b.txt", "beta unstaged in worktree\n");
        write(wt.path(), "brand new.txt", "untracked\n");
        String tip = git(wt.path(), "rev-parse", "HEAD").strip();

        worktrees.moveToLocal(repo, wt);

        assertEquals(wt.branch(), git(repo, "symbolic-ref", "--short", "HEAD").strip());
        assertEquals(tip, git(repo, "rev-parse", "HEAD").strip());
        assertEquals("done\n", read(repo.resolve("committed.txt")));
        assertEquals("alpha staged in worktree\n", read(repo.resolve("a.txt")));
        assertEquals("beta unstaged in worktree\n", read(repo.resolve("b.txt")));
        assertEquals("untracked\n", read(repo.resolve("brand new.txt")));
        assertEquals(List.of("a.txt"), git(repo, "diff", "--cached", "--name-only").lines().toList());
        assertEquals(List.of("b.txt"), git(repo, "diff", "--name-only").lines().toList());
        assertFalse(Files.exists(wt.path()));
        assertTrue(worktrees.list(repo).isEmpty());
        assertEquals("", git(repo, "for-each-ref", LocalMove.SAFETY_REFS), "the safety ref is gone");
    }

    @Test
    void removingAWorktreeWithNothingNewDeletesItAndItsBranch() {
        WorktreeInfo wt = create("Nothing new");

        RemoveResult result = worktrees.remove(repo, wt, false);

        assertEquals(RemoveResult.Status.REMOVED, result.status());
        assertFalse(Files.exists(wt.path()));
        assertEquals("", git(repo, "branch", "--list", wt.branch()));
    }

    @Test
    void aBranchMergedIntoItsBaseIsDeletedWithoutAsking() {
        WorktreeInfo wt = create("Merged");
        write(wt.path(), "feature.txt", "x\n");
        commitAll(wt.path(), "feature");
        git(repo, "merge", "-q", "--ff-only", wt.branch());
        git(repo, "checkout", "-q", "-b", "elsewhere"); // `git branch -d` would compare with this HEAD, not main

        RemoveResult result = worktrees.remove(repo, wt, false);

        assertEquals(RemoveResult.Status.REMOVED, result.status());
        assertEquals("", git(repo, "branch", "--list", wt.branch()));
    }

    @Test
    void unmergedCommitsOrUncommittedFilesNeedConfirmationThenForceRemoves() {
        WorktreeInfo wt = create("Unmerged");
        write(wt.path(), "one.txt", "1\n");
        commitAll(wt.path(), "one");
        write(wt.path(), "two.txt", "2\n");
        commitAll(wt.path(), "two");
        write(wt.path(), "scratch.txt", "unsaved\n");

        RemoveResult asked = worktrees.remove(repo, wt, false);

        assertTrue(asked.needsConfirmation());
        assertEquals(2, asked.unmergedCommits());
        assertEquals(1, asked.uncommittedFiles());
        assertTrue(asked.message().contains("2 commits on " + wt.branch() + " not merged into main"), asked.message());
        assertTrue(Files.isDirectory(wt.path()), "nothing removed before the user agrees");

        RemoveResult forced = worktrees.remove(repo, wt, true);

        assertEquals(RemoveResult.Status.REMOVED, forced.status());
        assertFalse(Files.exists(wt.path()));
        assertEquals("", git(repo, "branch", "--list", wt.branch()));
    }

    @Test
    void listShowsQuestbenchWorktreesAndDiskUseCountsTheirFiles() throws IOException {
        WorktreeInfo one = create("First");
        WorktreeInfo two = create("Second");
        git(repo, "worktree", "add", "-q", "-b", "someone-else", temp.resolve("other").toString());
        write(two.path(), "big.bin", "x".repeat(10_000));

        List<WorktreeInfo> listed = worktrees.list(repo);

        assertEquals(List.of(one.branch(), two.branch()), listed.stream().map(WorktreeInfo::branch).toList());
        assertEquals(one.baseCommit(), listed.get(0).baseCommit());
        assertEquals("main", listed.get(0).baseBranch());
        assertEquals(sizeOfFiles(two.path()), worktrees.diskUse(two.path()));
        assertTrue(worktrees.diskUse(two.path()) >= 10_000 + "alpha\nbeta\n*.log\n".length());
        assertEquals(0, worktrees.diskUse(temp.resolve("gone")));
    }

    @Test
    void pruneKeepsNRemovingTheFoldersOfTheOldestFinishedCleanOnesOnly() {
        WorktreeInfo dirty = create("Oldest with unsaved work");
        String activeQuest = Ids.quest();
        WorktreeInfo active = worktrees.create(repo, activeQuest, "Still running", null, false, line -> { });
        WorktreeInfo unmerged = create("Committed but unmerged");
        WorktreeInfo merged = create("Nothing new");
        WorktreeInfo newest = create("Newest");
        write(dirty.path(), "unsaved.txt", "x\n");
        write(unmerged.path(), "work.txt", "w\n");
        commitAll(unmerged.path(), "work");

        PruneResult result = worktrees.prune(repo, 3, Set.of(activeQuest));

        assertEquals(List.of(unmerged.branch(), merged.branch()),
                result.removed().stream().map(WorktreeInfo::branch).toList());
        assertEquals(List.of(dirty.branch()), result.skipped().stream().map(WorktreeInfo::branch).toList());
        assertEquals(List.of(dirty.branch(), active.branch(), newest.branch()),
                worktrees.list(repo).stream().map(WorktreeInfo::branch).toList());
        assertFalse(Files.exists(unmerged.path()));
        assertFalse(Files.exists(merged.path()));
        assertFalse(git(repo, "branch", "--list", unmerged.branch()).isBlank(), "branches stay");
        assertFalse(git(repo, "branch", "--list", merged.branch()).isBlank(), "branches stay");
        assertTrue(result.message().contains("uncommitted changes"), result.message());

        WorktreeInfo back = worktrees.reattach(repo, unmerged);
        assertEquals("w\n", read(back.path().resolve("work.txt")));
    }

    @Test
    void reattachWithoutTheBranchExplainsThatTheWorkIsGone() {
        WorktreeInfo wt = create("Gone");
        worktrees.remove(repo, wt, true);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> worktrees.reattach(repo, wt));

        assertTrue(e.getMessage().contains("was deleted"), e.getMessage());
    }

    private static long sizeOfFiles(Path root) throws IOException {
        List<Long> sizes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.equals(root.resolve(".git")))
                    .toList()) {
                sizes.add(Files.size(file));
            }
        }
        return sizes.stream().mapToLong(Long::longValue).sum();
    }
}
