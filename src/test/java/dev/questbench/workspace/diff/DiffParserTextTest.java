package dev.questbench.workspace.diff;

import static dev.questbench.workspace.diff.DiffParserGitTest.find;
import static dev.questbench.workspace.diff.DiffParserGitTest.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.workspace.diff.DiffLine.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser against recorded diff text: headers and shapes that are awkward to produce with a real repository. */
class DiffParserTextTest {

    @Test
    void quotedOctalPathsDecodeAsUtf8() {
        FileDiff file = only(DiffParser.parse("""
                diff --git "a/sp\\303\\251cial name" "b/sp\\303\\251cial name"
                new file mode 100644
                index 0000000000000000000000000000000000000000..e69de29bb2d1d6434b8b29ae775ad8c2e48c5391
                """));

        assertEquals("spécial name", file.path());
        assertEquals(ChangeKind.ADDED, file.kind());
        assertEquals("100644", file.newMode());
    }

    @Test
    void quotedEscapesAndAQuotedSecondName() {
        FileDiff file = only(DiffParser.parse("""
                diff --git a/plain "b/x\\\\y\\"z\\tw"
                similarity index 100%
                rename from plain
                rename to "x\\\\y\\"z\\tw"
                """));

        assertEquals("plain", file.oldPath());
        assertEquals("x\\y\"z\tw", file.newPath());
        assertEquals(ChangeKind.RENAMED, file.kind());
    }

    @Test
    void headerNamesAloneSplitWhenBothAreTheSame() {
        FileDiff file = only(DiffParser.parse("diff --git a/dir b/x b/dir b/x\nold mode 100644\nnew mode 100755\n"));

        assertEquals("dir b/x", file.path(), "the middle split wins over the first ' b/'");
        assertEquals(ChangeKind.MODE_CHANGED, file.kind());
    }

    @Test
    void blankContextLinesAndStrayTextAroundFiles() {
        List<FileDiff> files = DiffParser.parse("""
                commit 0123abc
                    message line
                diff --git a/a.txt b/a.txt
                --- a/a.txt
                +++ b/a.txt
                @@ -1,3 +1,3 @@ fn
                 a

                -b
                +c
                * Unmerged path other.txt
                """);

        FileDiff file = only(files);
        assertEquals(List.of(new DiffLine(Type.CONTEXT, 1, 1, "a", false), new DiffLine(Type.CONTEXT, 2, 2, "", false),
                new DiffLine(Type.REMOVED, 3, 0, "b", false), new DiffLine(Type.ADDED, 0, 3, "c", false)),
                file.hunks().get(0).lines());
        assertEquals("fn", file.hunks().get(0).section());
    }

    @Test
    void countsThatRunPastTheTextStopAtTheNextFile() {
        List<FileDiff> files = DiffParser.parse("""
                diff --git a/a.txt b/a.txt
                --- a/a.txt
                +++ b/a.txt
                @@ -1,5 +1,5 @@
                -x
                +y
                diff --git a/b.txt b/b.txt
                --- a/b.txt
                +++ b/b.txt
                @@ -1 +1 @@
                -1
                +2
                """);

        assertEquals(2, files.size());
        assertEquals(2, find(files, "a.txt").hunks().get(0).lines().size());
        assertEquals("2", find(files, "b.txt").hunks().get(0).lines().get(1).text());
    }

    @Test
    void combinedDiffOfAConflictIsSkippedToTheNextFile() {
        List<FileDiff> files = DiffParser.parse("""
                diff --cc conflict.txt
                index 1111111,2222222..0000000
                --- a/conflict.txt
                +++ b/conflict.txt
                @@@ -1,1 -1,1 +1,5 @@@
                ++<<<<<<< HEAD
                 +ours
                ++=======
                + theirs
                ++>>>>>>> other
                diff --git a/next.txt b/next.txt
                deleted file mode 100644
                index 3333333..0000000
                Binary files a/next.txt and /dev/null differ
                """);

        assertEquals(2, files.size());
        FileDiff conflict = find(files, "conflict.txt");
        assertEquals(ChangeKind.MODIFIED, conflict.kind());
        assertTrue(conflict.hunks().isEmpty());
        FileDiff next = files.get(1);
        assertEquals("next.txt", next.oldPath());
        assertNull(next.newPath());
        assertEquals(ChangeKind.DELETED, next.kind());
        assertTrue(next.binary());
    }

    @Test
    void crlfAndNoNewlineFromText() {
        FileDiff file = only(DiffParser.parse("diff --git a/w.txt b/w.txt\n--- a/w.txt\n+++ b/w.txt\n"
                + "@@ -1,2 +1,2 @@\n a\r\n-b\r\n\\ No newline at end of file\n+c\r\n"));

        assertEquals(new DiffLine(Type.REMOVED, 2, 0, "b\r", true), file.hunks().get(0).lines().get(1));
        assertEquals(new DiffLine(Type.ADDED, 0, 2, "c\r", false), file.hunks().get(0).lines().get(2));
    }

    @Test
    void nothingToParse() {
        assertTrue(DiffParser.parse(new byte[0]).isEmpty());
        assertTrue(DiffParser.parse("no diff here\n").isEmpty());
    }
}
