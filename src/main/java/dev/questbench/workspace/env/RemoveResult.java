package dev.questbench.workspace.env;

/**
 * What removing a worktree did, or why it waits for the user: work that is neither merged nor committed would be
 * lost, so the caller asks and calls again with {@code force}.
 *
 * @param unmergedCommits  commits on the worktree's branch that its base does not have
 * @param uncommittedFiles changed or new files in the worktree
 * @param message          for the user: what was removed, or what would be lost
 */
public record RemoveResult(Status status, int unmergedCommits, int uncommittedFiles, String message) {

    /** Whether the worktree is gone. */
    public enum Status { REMOVED, NEEDS_CONFIRMATION }

    public boolean needsConfirmation() {
        return status == Status.NEEDS_CONFIRMATION;
    }

    static RemoveResult removed(String message) {
        return new RemoveResult(Status.REMOVED, 0, 0, message);
    }

    static RemoveResult needsConfirmation(String branch, String base, int unmerged, int uncommitted) {
        StringBuilder lost = new StringBuilder();
        if (unmerged > 0) {
            lost.append(plural(unmerged, "commit")).append(" on ").append(branch).append(" not merged into ")
                    .append(base);
        }
        if (uncommitted > 0) {
            lost.append(lost.length() > 0 ? " and " : "").append(plural(uncommitted, "uncommitted file"));
        }
        return new RemoveResult(Status.NEEDS_CONFIRMATION, unmerged, uncommitted, "The worktree has " + lost
                + ". Deleting it loses this work. Delete anyway?");
    }

    static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
