package dev.questbench.workspace.env;

import dev.questbench.store.Setting;

/** The settings that shape Worktree quests: how many worktrees a workspace keeps, and its setup script. */
public final class WorkspaceSettings {
    /** Worktrees kept per workspace; older finished ones are removed when a new one is made. */
    public static final Setting<Integer> MAX_WORKTREES = Setting.of("worktrees.maxPerWorkspace", Integer.class, 15);

    private WorkspaceSettings() {
    }

    /** The shell script run in each new worktree of this workspace (e.g. {@code npm ci}), or null for none. */
    public static Setting<String> setupScript(String workspaceId) {
        return Setting.of("worktrees.setupScript." + workspaceId, String.class, null);
    }
}
