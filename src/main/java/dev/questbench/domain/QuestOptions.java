package dev.questbench.domain;

/**
 * Per-quest switches chosen at creation.
 *
 * @param specDriven     first turn proposes a spec and waits for Build
 * @param goal           the outcome a goal loop works towards, or null
 * @param permissionMode how freely the agent may act
 * @param provider       the model provider the built-in agent uses (a name from Settings → Models), or null for
 *                       the default provider
 * @param worktree       how a Worktree quest's worktree is made, or null for the defaults (the current branch, no
 *                       uncommitted changes)
 */
public record QuestOptions(boolean specDriven, String goal, PermissionMode permissionMode, String provider,
                           Worktree worktree) {
    public static final QuestOptions DEFAULT = new QuestOptions(false, null, PermissionMode.DEFAULT, null, null);

    /**
     * @param baseBranch         the branch the worktree starts from, or null for the workspace's current branch
     * @param includeUncommitted copy the workspace's staged, unstaged and untracked changes into the worktree
     */
    public record Worktree(String baseBranch, boolean includeUncommitted) {
        public Worktree {
            baseBranch = baseBranch == null || baseBranch.isBlank() ? null : baseBranch;
        }
    }

    public QuestOptions {
        permissionMode = permissionMode == null ? PermissionMode.DEFAULT : permissionMode;
        provider = provider == null || provider.isBlank() ? null : provider;
    }

    public QuestOptions(boolean specDriven, String goal, PermissionMode permissionMode) {
        this(specDriven, goal, permissionMode, null, null);
    }

    public QuestOptions(boolean specDriven, String goal, PermissionMode permissionMode, String provider) {
        this(specDriven, goal, permissionMode, provider, null);
    }

    public QuestOptions withProvider(String newProvider) {
        return new QuestOptions(specDriven, goal, permissionMode, newProvider, worktree);
    }

    public QuestOptions withPermissionMode(PermissionMode newMode) {
        return new QuestOptions(specDriven, goal, newMode, provider, worktree);
    }

    public QuestOptions withSpecDriven(boolean newSpecDriven) {
        return new QuestOptions(newSpecDriven, goal, permissionMode, provider, worktree);
    }

    public QuestOptions withGoal(String newGoal) {
        return new QuestOptions(specDriven, newGoal, permissionMode, provider, worktree);
    }

    public QuestOptions withWorktree(Worktree newWorktree) {
        return new QuestOptions(specDriven, goal, permissionMode, provider, newWorktree);
    }
}
