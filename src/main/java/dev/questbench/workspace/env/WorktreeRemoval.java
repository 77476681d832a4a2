package dev.questbench.workspace.env;

import dev.questbench.workspace.git.Git;
import dev.questbench.workspace.git.GitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removing worktrees, one on request or the oldest beyond a limit, without losing work the user did not give up:
 * unmerged commits and uncommitted files are asked about; a clean-up removes only clean folders and keeps every
 * branch, so a pruned quest's worktree can be checked out again ({@link Worktrees#reattach}).
 */
final class WorktreeRemoval {
    private final Git git;
    private final WorktreeState state;

    WorktreeRemoval(Git git, WorktreeState state) {
        this.git = git;
        this.state = state;
    }

    RemoveResult remove(Path top, WorktreeInfo wt, boolean force) {
        boolean folder = Files.isDirectory(wt.path());
        boolean branch = state.branchExists(top, wt.branch());
        int unmerged = branch ? state.unmergedCommits(top, wt) : 0;
        int uncommitted = folder ? state.uncommittedFiles(wt.path()) : 0;
        if (!force && (unmerged > 0 || uncommitted > 0)) {
            return RemoveResult.needsConfirmation(wt.branch(), wt.mergeTarget(), unmerged, uncommitted);
        }
        removeFolder(top, wt.path());
        String elsewhere = branch ? state.checkedOutAt(top, wt.branch()) : null;
        if (branch && elsewhere == null) {
            // after our own merge check: `git branch -d` would compare with HEAD, not with the base branch
            git.output(top, "branch", "-D", wt.branch());
        }
        String kept = elsewhere == null ? "" : " The branch " + wt.branch() + " is kept: it is checked out in "
                + elsewhere + ".";
        return new RemoveResult(RemoveResult.Status.REMOVED, unmerged, uncommitted, "Removed the worktree "
                + wt.path().getFileName() + (branch && elsewhere == null ? " and its branch " + wt.branch() : "")
                + "." + kept);
    }

    PruneResult prune(Path top, int keep, Set<String> activeQuestIds) {
        List<WorktreeInfo> removed = new ArrayList<>();
        List<WorktreeInfo> skipped = new ArrayList<>();
        List<WorktreeEntry> all = state.entries(top);
        int excess = all.size() - Math.max(0, keep);
        for (WorktreeEntry entry : all) {
            if (excess <= 0) {
                break;
            }
            if (entry.questId() != null && activeQuestIds.contains(entry.questId())) {
                continue;
            }
            WorktreeInfo wt = entry.info();
            if (!entry.missing() && state.uncommittedFiles(wt.path()) > 0) {
                skipped.add(wt);
                continue;
            }
            removeFolder(top, wt.path()); // the branch stays: it costs no disk, and the quest can resume from it
            removed.add(wt);
            excess--;
        }
        return new PruneResult(removed, skipped);
    }

    /** Removes a worktree's folder; one already deleted by hand is forgotten by git instead. */
    void removeFolder(Path top, Path folder) {
        if (Files.isDirectory(folder)) {
            // --force after the caller's own checks: git would also refuse ignored build output and submodules
            List<String> args = List.of("worktree", "remove", "--force", folder.toString());
            GitResult removed = git.run(top, args, Map.of(), null, Worktrees.CHECKOUT_TIMEOUT);
            if (!removed.ok() && Files.isDirectory(folder)) {
                Git.check(top, args, removed);
            }
        }
        git.run(top, "worktree", "prune");
    }
}
