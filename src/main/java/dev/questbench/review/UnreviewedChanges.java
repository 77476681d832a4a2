package dev.questbench.review;

import dev.questbench.workspace.diff.DiffLine;
import dev.questbench.workspace.diff.FileDiff;
import dev.questbench.workspace.diff.Hunk;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/** The "Changes since last review" filter: files and hunks not marked viewed as they are now. */
final class UnreviewedChanges {
    private UnreviewedChanges() {
    }

    /** @param viewed whether a hunk, or a whole file when the hunk is null, is marked viewed */
    static List<FileDiff> of(List<FileDiff> files, BiPredicate<FileDiff, Hunk> viewed) {
        List<FileDiff> fresh = new ArrayList<>();
        for (FileDiff file : files) {
            if (viewed.test(file, null)) {
                continue;
            }
            if (file.hunks().isEmpty()) {
                fresh.add(file);
                continue;
            }
            List<Hunk> hunks = file.hunks().stream().filter(hunk -> !viewed.test(file, hunk)).toList();
            if (hunks.size() == file.hunks().size()) {
                fresh.add(file);
            } else if (!hunks.isEmpty()) {
                fresh.add(withHunks(file, hunks));
            }
        }
        return fresh;
    }

    /** The file with only some of its hunks, its line counts matching them. */
    private static FileDiff withHunks(FileDiff file, List<Hunk> hunks) {
        int added = 0;
        int removed = 0;
        for (Hunk hunk : hunks) {
            for (DiffLine line : hunk.lines()) {
                added += line.type() == DiffLine.Type.ADDED ? 1 : 0;
                removed += line.type() == DiffLine.Type.REMOVED ? 1 : 0;
            }
        }
        return new FileDiff(file.oldPath(), file.newPath(), file.kind(), file.similarity(), file.oldMode(),
                file.newMode(), file.binary(), file.tooLarge(), hunks, added, removed, file.staged(), file.external());
    }
}
