package dev.questbench.domain;

/**
 * Per-quest switches chosen at creation.
 *
 * @param specDriven     first turn proposes a spec and waits for Build
 * @param goal           the outcome a goal loop works towards, or null
 * @param permissionMode how freely the agent may act
 */
public record QuestOptions(boolean specDriven, String goal, PermissionMode permissionMode) {
    public static final QuestOptions DEFAULT = new QuestOptions(false, null, PermissionMode.DEFAULT);

    public QuestOptions {
        permissionMode = permissionMode == null ? PermissionMode.DEFAULT : permissionMode;
    }
}
