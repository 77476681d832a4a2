package dev.questbench.workspace.env;

import java.util.List;

/**
 * What a clean-up of old worktrees did.
 *
 * @param removed worktrees whose folders were deleted (their branches are kept)
 * @param skipped finished worktrees beyond the limit that were kept because they hold uncommitted changes
 */
public record PruneResult(List<WorktreeInfo> removed, List<WorktreeInfo> skipped) {
    public PruneResult {
        removed = List.copyOf(removed);
        skipped = List.copyOf(skipped);
    }

    /** For the user or the log: how many were removed and which were left because of unsaved work. */
    public String message() {
        String text = "Removed " + RemoveResult.plural(removed.size(), "old worktree") + ".";
        if (!skipped.isEmpty()) {
            text += " Kept " + RemoveResult.plural(skipped.size(), "worktree") + " over the limit because they have "
                    + "uncommitted changes: " + String.join(", ", skipped.stream().map(WorktreeInfo::branch)
                    .toList()) + ". Commit or delete them to free the space.";
        }
        return text;
    }
}
