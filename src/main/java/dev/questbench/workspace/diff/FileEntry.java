package dev.questbench.workspace.diff;

import java.util.ArrayList;
import java.util.List;

/** One file's change while its part of the diff is being read; {@link #build()} makes the {@link FileDiff}. */
final class FileEntry {
    private static final String SUBMODULE_MODE = "160000";

    String headerOld;
    String headerNew;
    String minusPath;
    String plusPath;
    String renameFrom;
    String renameTo;
    String copyFrom;
    String copyTo;
    String oldMode;
    String newMode;
    String indexMode;
    int similarity = -1;
    boolean newFile;
    boolean deleted;
    boolean binary;
    boolean tooLarge;
    final List<Hunk> hunks = new ArrayList<>();
    int additions;
    int deletions;
    long hunkBytes;

    /** Past the parser's cap: the counts go on, the lines are dropped. */
    void dropHunks() {
        tooLarge = true;
        hunks.clear();
    }

    FileDiff build() {
        boolean renamed = renameFrom != null || renameTo != null;
        boolean copied = copyFrom != null || copyTo != null;
        String oldPath = first(copyFrom, renameFrom, minusPath, headerOld);
        String newPath = first(copyTo, renameTo, plusPath, headerNew);
        String before = oldMode != null ? oldMode : newFile ? null : indexMode;
        String after = newMode != null ? newMode : deleted ? null : indexMode;
        if (newFile) {
            oldPath = null;
        }
        if (deleted) {
            newPath = null;
        }
        ChangeKind kind;
        if (SUBMODULE_MODE.equals(before) || SUBMODULE_MODE.equals(after)) {
            kind = ChangeKind.SUBMODULE;
        } else if (copied) {
            kind = ChangeKind.COPIED;
        } else if (renamed) {
            kind = ChangeKind.RENAMED;
        } else if (newFile) {
            kind = ChangeKind.ADDED;
        } else if (deleted) {
            kind = ChangeKind.DELETED;
        } else if (before != null && after != null && !before.equals(after) && !binary
                && additions + deletions == 0) {
            kind = ChangeKind.MODE_CHANGED;
        } else {
            kind = ChangeKind.MODIFIED;
        }
        return new FileDiff(oldPath, newPath, kind, similarity, before, after, binary, tooLarge, hunks, additions,
                deletions, null, false);
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !GitPaths.DEV_NULL.equals(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
