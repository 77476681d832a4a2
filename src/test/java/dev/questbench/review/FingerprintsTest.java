package dev.questbench.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.questbench.workspace.diff.ChangeKind;
import dev.questbench.workspace.diff.DiffLine;
import dev.questbench.workspace.diff.DiffLine.Type;
import dev.questbench.workspace.diff.FileDiff;
import dev.questbench.workspace.diff.Hunk;
import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintsTest {
    @Test
    void aHunkKeepsItsFingerprintWhenItMovesButNotWhenItChanges() {
        Hunk hunk = hunk(10, "context", "old", "new");
        Hunk moved = hunk(14, "other context", "old", "new");
        Hunk edited = hunk(10, "context", "old", "newer");
        assertEquals(Fingerprints.of(file("a.txt", hunk), hunk), Fingerprints.of(file("a.txt", moved), moved));
        assertNotEquals(Fingerprints.of(file("a.txt", hunk), hunk), Fingerprints.of(file("a.txt", edited), edited));
        assertNotEquals(Fingerprints.of(file("a.txt", hunk), hunk), Fingerprints.of(file("b.txt", hunk), hunk));
    }

    @Test
    void aFileFingerprintCoversEveryHunkAndDiffersFromItsHunks() {
        Hunk one = hunk(1, "c", "x", "y");
        Hunk two = hunk(20, "c", "p", "q");
        FileDiff both = file("a.txt", one, two);
        assertNotEquals(Fingerprints.of(both), Fingerprints.of(file("a.txt", one)));
        assertNotEquals(Fingerprints.of(both), Fingerprints.of(both, one));
        assertEquals(Fingerprints.of(both), Fingerprints.of(file("a.txt", hunk(5, "d", "x", "y"), two)));
        assertEquals(Fingerprints.of(both), Fingerprints.ofFileOrHunk(both, null));
    }

    private static Hunk hunk(int start, String context, String removed, String added) {
        return new Hunk(start, 2, start, 2, "@@ -" + start + ",2 +" + start + ",2 @@", "", List.of(
                new DiffLine(Type.CONTEXT, start, start, context, false),
                new DiffLine(Type.REMOVED, start + 1, 0, removed, false),
                new DiffLine(Type.ADDED, 0, start + 1, added, false)));
    }

    private static FileDiff file(String path, Hunk... hunks) {
        return new FileDiff(path, path, ChangeKind.MODIFIED, -1, "100644", "100644", false, false, List.of(hunks),
                hunks.length, hunks.length, null, false);
    }
}
