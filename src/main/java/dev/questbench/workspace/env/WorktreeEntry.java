package dev.questbench.workspace.env;

/**
 * A Questbench worktree as {@code git worktree list} shows it, with the quest it was made for.
 *
 * @param questId the quest that made it, or null when its record in the repository's config is gone
 * @param missing its folder no longer exists (git lists it as prunable)
 */
public record WorktreeEntry(WorktreeInfo info, String questId, boolean missing) {
}
