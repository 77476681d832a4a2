package dev.questbench.domain;

/**
 * Per-quest switches chosen at creation.
 *
 * @param specDriven     first turn proposes a spec and waits for Build
 * @param goal           the outcome a goal loop works towards, or null
 * @param permissionMode how freely the agent may act
 * @param provider       the model provider the built-in agent uses (a name from Settings → Models), or null for
 *                       the default provider
 */
public record QuestOptions(boolean specDriven, String goal, PermissionMode permissionMode, String provider) {
    public static final QuestOptions DEFAULT = new QuestOptions(false, null, PermissionMode.DEFAULT, null);

    public QuestOptions {
        permissionMode = permissionMode == null ? PermissionMode.DEFAULT : permissionMode;
        provider = provider == null || provider.isBlank() ? null : provider;
    }

    public QuestOptions(boolean specDriven, String goal, PermissionMode permissionMode) {
        this(specDriven, goal, permissionMode, null);
    }

    public QuestOptions withProvider(String newProvider) {
        return new QuestOptions(specDriven, goal, permissionMode, newProvider);
    }
}
