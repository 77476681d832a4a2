package dev.questbench.ui.newquest;

/**
 * An entry of the base-branch picker: a local branch a worktree can start from, or the detached HEAD when
 * {@code name} is null.
 *
 * @param current the workspace has it checked out; a quest based on it stores no branch and so starts from
 *                whatever the workspace has checked out when the worktree is made
 */
public record BaseBranch(String name, boolean current) {

    static BaseBranch detachedHead() {
        return new BaseBranch(null, true);
    }

    public String label() {
        if (name == null) {
            return "Detached HEAD (current)";
        }
        return current ? name + " (current)" : name;
    }

    @Override
    public String toString() {
        return label(); // what the combo box shows
    }
}
