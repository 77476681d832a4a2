package dev.questbench.ui.board;

/**
 * One workspace filter tab on the board, with how many quests it holds under the current search.
 *
 * @param workspaceId null for All, {@link dev.questbench.store.QuestQuery#NO_WORKSPACE} for unbound quests
 */
public record WorkspaceTab(String workspaceId, String name, int count) {
    public String label() {
        return name + " (" + count + ")";
    }
}
