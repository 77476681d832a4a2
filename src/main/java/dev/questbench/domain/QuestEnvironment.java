package dev.questbench.domain;

/** Where a quest edits files: the workspace itself, or a separate git worktree on its own branch. */
public enum QuestEnvironment {
    LOCAL("Local"),
    WORKTREE("Worktree");

    private final String label;

    QuestEnvironment(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
