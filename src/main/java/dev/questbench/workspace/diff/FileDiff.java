package dev.questbench.workspace.diff;

import java.util.List;

/**
 * One file's change.
 *
 * @param oldPath      the path before (null for an added file), repository-relative with forward slashes
 * @param newPath      the path after (null for a deleted file)
 * @param kind         what happened to the file
 * @param similarity   rename/copy similarity in percent, or -1
 * @param oldMode      the file mode before (e.g. {@code 100644}), or null
 * @param newMode      the file mode after, or null
 * @param binary       git reported the file as binary: no hunks
 * @param tooLarge     the file was too large to diff line by line (over the parser's cap): no hunks
 * @param hunks        the changed regions, in file order
 * @param additions    added lines
 * @param deletions    removed lines
 * @param staged       for the All Uncommitted scope: the change is in the index; null in other scopes
 * @param external     changed since the quest's last checkpoint by something other than the quest
 */
public record FileDiff(String oldPath, String newPath, ChangeKind kind, int similarity, String oldMode,
                       String newMode, boolean binary, boolean tooLarge, List<Hunk> hunks, int additions,
                       int deletions, Boolean staged, boolean external) {
    public FileDiff {
        hunks = hunks == null ? List.of() : List.copyOf(hunks);
    }

    /** The path to show: the new one, or the old one for a deleted file. */
    public String path() {
        return newPath != null ? newPath : oldPath;
    }

    public FileDiff withStaged(Boolean newStaged) {
        return new FileDiff(oldPath, newPath, kind, similarity, oldMode, newMode, binary, tooLarge, hunks, additions,
                deletions, newStaged, external);
    }

    public FileDiff withExternal(boolean newExternal) {
        return new FileDiff(oldPath, newPath, kind, similarity, oldMode, newMode, binary, tooLarge, hunks, additions,
                deletions, staged, newExternal);
    }
}
