package dev.questbench.workspace.actions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.questbench.workspace.diff.FileDiff;
import dev.questbench.workspace.git.GitException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-hunk stage, unstage and discard on real repositories: the other hunks always stay where they were. */
class StagingHunkTest {
    private static final String FILE = "three.txt";
    private static final String ORIGINAL = lines(original());
    /** Hunk 1 inserts two lines after line03, hunk 2 changes line15, hunk 3 removes line27. */
    private static final String CHANGED = lines(change(true, true, true));

    @TempDir
    Path dir;
    private TestRepo repo;
    private Staging staging;

    @BeforeEach
    void threeHunks() {
        repo = TestRepo.init(dir);
        repo.write(FILE, ORIGINAL);
        repo.commitAll("three");
        repo.write(FILE, CHANGED);
        staging = new Staging(TestRepo.GIT, dir);
    }

    @Test
    void stagingTheMiddleHunkStagesOnlyIt() {
        FileDiff file = repo.unstagedFile();
        assertEquals(3, file.hunks().size());

        staging.stageHunk(file, file.hunks().get(1));

        assertEquals("""
                diff --git a/three.txt b/three.txt
                --- a/three.txt
                +++ b/three.txt
                @@ -12,7 +12,7 @@ line11
                 line12
                 line13
                 line14
                -line15
                +line15 changed
                 line16
                 line17
                 line18
                """, withoutIndexLine(repo.cachedText()));
        assertEquals(CHANGED, repo.read(FILE), "the working tree keeps every change");
        List<FileDiff> left = repo.unstaged();
        assertEquals(2, left.get(0).hunks().size());
        assertEquals("@@ -1,6 +1,8 @@", left.get(0).hunks().get(0).header());
        assertEquals(24, left.get(0).hunks().get(1).oldStart());
    }

    @Test
    void hunksTakenFromOneDiffStageInAnyOrderWithoutARefresh() {
        FileDiff file = repo.unstagedFile();

        staging.stageHunk(file, file.hunks().get(0));
        staging.stageHunk(file, file.hunks().get(2)); // its line numbers moved by two since the diff was taken

        assertEquals(lines(change(true, false, true)), new String(repo.staged(FILE), StandardCharsets.UTF_8));
        FileDiff left = repo.unstagedFile();
        assertEquals(1, left.hunks().size());
        assertTrue(left.hunks().get(0).lines().stream().anyMatch(l -> l.text().equals("line15 changed")));
    }

    @Test
    void discardingOneHunkRevertsOnlyItInTheWorkingTree() {
        FileDiff file = repo.unstagedFile();

        staging.discardHunk(file, file.hunks().get(0));

        assertEquals(lines(change(false, true, true)), repo.read(FILE));
        assertEquals("", repo.cachedText(), "the index is untouched");
        FileDiff again = repo.unstagedFile();
        staging.discardHunk(again, again.hunks().get(1));
        assertEquals(lines(change(false, true, false)), repo.read(FILE));
    }

    @Test
    void unstagingOneHunkLeavesTheOthersStagedAndTheWorkingTreeAlone() {
        staging.stageAll();
        FileDiff staged = repo.stagedFile();
        assertEquals(Boolean.TRUE, staged.staged());

        staging.unstageHunk(staged, staged.hunks().get(1));

        assertEquals(lines(change(true, false, true)), new String(repo.staged(FILE), StandardCharsets.UTF_8));
        assertEquals(CHANGED, repo.read(FILE));
        FileDiff unstaged = repo.unstagedFile();
        assertEquals(1, unstaged.hunks().size());
        assertEquals("@@ -14,7 +14,7 @@ line11", unstaged.hunks().get(0).header());
    }

    @Test
    void discardingAStagedHunkRevertsItInTheIndexAndTheWorkingTree() {
        staging.stageAll();
        FileDiff staged = repo.stagedFile();

        staging.discardHunk(staged, staged.hunks().get(2));

        String expected = lines(change(true, true, false));
        assertEquals(expected, new String(repo.staged(FILE), StandardCharsets.UTF_8));
        assertEquals(expected, repo.read(FILE));
    }

    @Test
    void aHunkWhoseLinesChangedSinceTheDiffIsRefusedAndNothingMoves() {
        FileDiff file = repo.unstagedFile();
        String edited = CHANGED.replace("line15 changed", "line15 changed again");
        repo.write(FILE, edited);

        GitException stale = assertThrows(GitException.class, () -> staging.discardHunk(file, file.hunks().get(1)));

        assertTrue(stale.getMessage().startsWith("The hunk no longer applies: the file changed since the diff was "
                + "taken; refresh the review."), stale.getMessage());
        assertEquals(edited, repo.read(FILE));
        String stagedMeanwhile = ORIGINAL.replace("line02", "line02 staged meanwhile");
        repo.write(FILE, stagedMeanwhile);
        repo.git("add", FILE);
        GitException staleIndex = assertThrows(GitException.class, () -> staging.stageHunk(file, file.hunks().get(0)));
        assertTrue(staleIndex.getMessage().contains("(git: patch failed: three.txt:1)"), staleIndex.getMessage());
        assertEquals(stagedMeanwhile, new String(repo.staged(FILE), StandardCharsets.UTF_8));
    }

    @Test
    void hunkFromTheWrongSideIsRefusedClearly() {
        FileDiff file = repo.unstagedFile();
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> staging.unstageHunk(file, file.hunks().get(0)));
        assertTrue(wrong.getMessage().contains("take it from the staged diff"), wrong.getMessage());
    }

    @Test
    void crlfFileRoundTripsByteForByte() {
        String crlfOriginal = ORIGINAL.replace("\n", "\r\n");
        repo.write("dos.txt", crlfOriginal);
        repo.write(FILE, ORIGINAL);
        repo.commitAll("dos");
        String crlfChanged = CHANGED.replace("\n", "\r\n");
        repo.write("dos.txt", crlfChanged);
        FileDiff file = repo.unstagedFile();
        assertTrue(file.hunks().get(0).lines().get(0).text().endsWith("\r"));

        staging.stageHunk(file, file.hunks().get(1));
        staging.discardHunk(file, file.hunks().get(2));

        assertArrayEquals(lines(change(false, true, false)).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8),
                repo.staged("dos.txt"));
        assertArrayEquals(lines(change(true, true, false)).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8),
                repo.bytes("dos.txt"));
        FileDiff staged = repo.stagedFile();
        staging.unstageHunk(staged, staged.hunks().get(0));
        assertArrayEquals(crlfOriginal.getBytes(StandardCharsets.UTF_8), repo.staged("dos.txt"));
    }

    @Test
    void hunkTouchingALastLineWithoutFinalNewline() {
        repo.write(FILE, ORIGINAL);
        String head = lines(original()) + "tail";
        repo.write("open.txt", head);
        repo.commitAll("no final newline");
        repo.write("open.txt", head.replace("line02", "line02 edited").replace("tail", "TAIL"));
        FileDiff file = repo.unstagedFile();
        assertEquals(2, file.hunks().size());
        assertTrue(file.hunks().get(1).lines().stream().anyMatch(l -> l.noNewlineAtEnd()));

        staging.stageHunk(file, file.hunks().get(1));
        assertEquals(head.replace("tail", "TAIL"), new String(repo.staged("open.txt"), StandardCharsets.UTF_8));

        repo.write("open.txt", head.replace("tail", "tail\nmore\n"));
        FileDiff grown = repo.unstagedFile();
        staging.discardHunk(grown, grown.hunks().get(0));
        assertEquals(head.replace("tail", "TAIL"), repo.read("open.txt"), "back to the staged copy, no newline");
    }

    @Test
    void pathsWithSpacesAndUnicode() {
        assumeTrue("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")), "file names cannot hold é");
        String path = "dir with space/é 日本.txt";
        repo.write(path, ORIGINAL);
        repo.write(FILE, ORIGINAL);
        repo.commitAll("unicode");
        repo.write(path, CHANGED);
        FileDiff file = repo.unstagedFile();
        assertEquals(path, file.path());
        Staging fromSubfolder = new Staging(TestRepo.GIT, dir.resolve("dir with space"));

        fromSubfolder.stageHunk(file, file.hunks().get(2));
        fromSubfolder.discardHunk(file, file.hunks().get(0));

        assertEquals(lines(change(false, false, true)), new String(repo.staged(path), StandardCharsets.UTF_8));
        assertEquals(lines(change(false, true, true)), repo.read(path));
        FileDiff staged = repo.stagedFile();
        staging.unstageHunk(staged, staged.hunks().get(0));
        assertEquals(ORIGINAL, new String(repo.staged(path), StandardCharsets.UTF_8));
    }

    private static String withoutIndexLine(String diff) {
        return diff.lines().filter(line -> !line.startsWith("index ")).collect(Collectors.joining("\n", "", "\n"));
    }

    private static List<String> original() {
        return IntStream.rangeClosed(1, 30).mapToObj(i -> String.format("line%02d", i)).toList();
    }

    private static List<String> change(boolean first, boolean second, boolean third) {
        List<String> lines = new ArrayList<>(original());
        if (third) {
            lines.remove("line27");
        }
        if (second) {
            lines.set(lines.indexOf("line15"), "line15 changed");
        }
        if (first) {
            lines.addAll(3, List.of("added A", "added B"));
        }
        return lines;
    }

    private static String lines(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }
}
