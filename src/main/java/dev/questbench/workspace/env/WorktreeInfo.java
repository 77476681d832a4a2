package dev.questbench.workspace.env;

import java.nio.file.Path;

/**
 * A quest's git worktree: where it is, its {@code questbench/…} branch and what it started from.
 *
 * @param baseBranch   the branch it was made from, or null when it started from a detached HEAD
 * @param baseCommit   the commit it was made from
 * @param setupFailed  the workspace's setup script failed or timed out (the worktree is usable all the same)
 * @param setupMessage how the setup script ended, or null when none ran
 */
public record WorktreeInfo(Path path, String branch, String baseBranch, String baseCommit, boolean setupFailed,
                           String setupMessage) {

    /** The same worktree with the outcome of its setup script. */
    public WorktreeInfo withSetup(SetupScript.Result result) {
        return new WorktreeInfo(path, branch, baseBranch, baseCommit, result.failed(), result.message());
    }

    /** What the branch is compared with to tell whether it was merged: the base branch, else the base commit. */
    String mergeTarget() {
        return baseBranch != null ? baseBranch : baseCommit;
    }
}
