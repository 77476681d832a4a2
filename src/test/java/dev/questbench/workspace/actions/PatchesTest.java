package dev.questbench.workspace.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.workspace.diff.ChangeKind;
import dev.questbench.workspace.diff.DiffLine;
import dev.questbench.workspace.diff.FileDiff;
import dev.questbench.workspace.diff.Hunk;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Patch text built from the diff model, without git. */
class PatchesTest {

    @Test
    void quotesPathsLikeGit() {
        assertEquals("a/src/Main.java", Patches.quoted("a/", "src/Main.java"));
        assertEquals("a/with space.txt", Patches.quoted("a/", "with space.txt"));
        assertEquals("\"a/caf\\303\\251.txt\"", Patches.quoted("a/", "café.txt"));
        assertEquals("\"b/\\346\\227\\245.md\"", Patches.quoted("b/", "日.md"));
        assertEquals("\"a/say \\\"hi\\\"\\\\x\\tend\"", Patches.quoted("a/", "say \"hi\"\\x\tend"));
        assertEquals("\"a/bell\\a\\001\"", Patches.quoted("a/", "bell\u0007\u0001"));
    }

    @Test
    void laterHunkStandsAloneWithItsNewStartMovedBack() {
        Hunk first = hunk(1, 2, 1, 4, List.of(context("a"), added("x"), added("y"), context("b")));
        Hunk second = hunk(10, 3, 12, 2, List.of(context("c"), removed("d"), context("e")));
        FileDiff file = file("f.txt", ChangeKind.MODIFIED, List.of(first, second));

        String patch = text(Patches.forHunk(file, second));

        assertEquals("diff --git a/f.txt b/f.txt\n--- a/f.txt\n+++ b/f.txt\n@@ -10,3 +10,2 @@ section\n c\n-d\n e\n",
                patch);
    }

    @Test
    void keepsCarriageReturnsAndMarksTheMissingFinalNewline() {
        Hunk hunk = hunk(1, 2, 1, 2, List.of(context("one\r"),
                new DiffLine(DiffLine.Type.REMOVED, 2, 0, "two", true),
                new DiffLine(DiffLine.Type.ADDED, 0, 2, "TWO", true)));
        String patch = text(Patches.forHunk(file("f.txt", ChangeKind.MODIFIED, List.of(hunk)), hunk));

        assertTrue(patch.endsWith("@@ -1,2 +1,2 @@ section\n one\r\n-two\n\\ No newline at end of file\n+TWO\n"
                + "\\ No newline at end of file\n"), patch);
    }

    @Test
    void addedFileKeepsItsCreationHeaderAndSpacedNamesEndWithATab() {
        Hunk hunk = hunk(0, 0, 1, 1, List.of(added("hello")));
        FileDiff file = new FileDiff(null, "new dir/é.txt", ChangeKind.ADDED, -1, null, "100755", false, false,
                List.of(hunk), 1, 0, false, false);

        String patch = text(Patches.forHunk(file, hunk));

        assertEquals("diff --git \"a/new dir/\\303\\251.txt\" \"b/new dir/\\303\\251.txt\"\n"
                + "new file mode 100755\n--- /dev/null\n+++ \"b/new dir/\\303\\251.txt\"\t\n"
                + "@@ -0,0 +1,1 @@ section\n+hello\n", patch);
    }

    @Test
    void wholeFileRenameCarriesRenameLinesAndEveryHunk() {
        Hunk hunk = hunk(3, 1, 3, 1, List.of(removed("old"), added("new")));
        FileDiff file = new FileDiff("old name.txt", "new.txt", ChangeKind.RENAMED, 90, "100644", "100644", false,
                false, List.of(hunk), 1, 1, null, false);

        String patch = text(Patches.forFile(file));

        assertEquals("diff --git a/old name.txt b/new.txt\nsimilarity index 90%\nrename from old name.txt\n"
                + "rename to new.txt\n--- a/old name.txt\t\n+++ b/new.txt\n@@ -3,1 +3,1 @@ section\n-old\n+new\n",
                patch);
    }

    @Test
    void refusesBinaryFiles() {
        FileDiff image = new FileDiff("logo.png", "logo.png", ChangeKind.MODIFIED, -1, "100644", "100644", true,
                false, List.of(), 0, 0, false, false);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Patches.forFile(image));
        assertTrue(refused.getMessage().contains("logo.png is a binary file"), refused.getMessage());
    }

    private static FileDiff file(String path, ChangeKind kind, List<Hunk> hunks) {
        return new FileDiff(path, path, kind, -1, "100644", "100644", false, false, hunks, 0, 0, false, false);
    }

    private static Hunk hunk(int oldStart, int oldCount, int newStart, int newCount, List<DiffLine> lines) {
        return new Hunk(oldStart, oldCount, newStart, newCount, "@@ -" + oldStart + "," + oldCount + " +" + newStart
                + "," + newCount + " @@ section", "section", lines);
    }

    private static DiffLine context(String text) {
        return new DiffLine(DiffLine.Type.CONTEXT, 1, 1, text, false);
    }

    private static DiffLine added(String text) {
        return new DiffLine(DiffLine.Type.ADDED, 0, 1, text, false);
    }

    private static DiffLine removed(String text) {
        return new DiffLine(DiffLine.Type.REMOVED, 1, 0, text, false);
    }

    private static String text(byte[] patch) {
        return new String(patch, StandardCharsets.UTF_8);
    }
}
