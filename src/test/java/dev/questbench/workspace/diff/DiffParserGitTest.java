package dev.questbench.workspace.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.workspace.diff.DiffLine.Type;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parser against real {@code git diff} output of tricky changes in temporary repositories. */
class DiffParserGitTest {
    @TempDir
    Path temp;
    private TestRepo repo;

    @BeforeEach
    void setUp() throws IOException {
        repo = TestRepo.init(temp.resolve("repo"));
    }

    @Test
    void modifiedFileWithSeveralHunksHasHeadersSectionsAndLineNumbers() throws IOException {
        repo.write("rows.txt", TestRepo.rows(1, 100)).commitAll("rows");
        String text = TestRepo.rows(1, 100).replace("line 5\n", "five\n").replace("line 50\n", "line 50\ninserted\n")
                .replace("line 80\n", "eighty\n");
        repo.write("rows.txt", text);

        FileDiff file = only(repo.stagedDiff());

        assertEquals(ChangeKind.MODIFIED, file.kind());
        assertEquals("rows.txt", file.oldPath());
        assertEquals("rows.txt", file.newPath());
        assertEquals("100644", file.oldMode());
        assertEquals(3, file.hunks().size());
        Hunk first = file.hunks().get(0);
        assertEquals("@@ -2,7 +2,7 @@ line 1", first.header());
        assertEquals("line 1", first.section());
        assertEquals(List.of(2, 7, 2, 7), List.of(first.oldStart(), first.oldCount(), first.newStart(),
                first.newCount()));
        DiffLine removed = first.lines().get(3);
        assertEquals(new DiffLine(Type.REMOVED, 5, 0, "line 5", false), removed);
        assertEquals(new DiffLine(Type.ADDED, 0, 5, "five", false), first.lines().get(4));
        assertEquals(new DiffLine(Type.CONTEXT, 6, 6, "line 6", false), first.lines().get(5));
        Hunk last = file.hunks().get(2);
        assertEquals(77, last.oldStart());
        assertEquals(78, last.newStart(), "the insertion above shifts the new side by one");
        assertEquals(new DiffLine(Type.ADDED, 0, 81, "eighty", false), last.lines().get(4));
        assertEquals(3, file.additions());
        assertEquals(2, file.deletions());
    }

    @Test
    void addedAndDeletedFiles() throws IOException {
        repo.write("gone.txt", "old 1\nold 2\n").commitAll("base");
        Files.delete(repo.dir.resolve("gone.txt"));
        repo.write("src/new.txt", "a\nb\n");

        List<FileDiff> files = repo.stagedDiff();

        FileDiff deleted = find(files, "gone.txt");
        assertEquals(ChangeKind.DELETED, deleted.kind());
        assertNull(deleted.newPath());
        assertEquals("100644", deleted.oldMode());
        assertNull(deleted.newMode());
        assertEquals(List.of(new DiffLine(Type.REMOVED, 1, 0, "old 1", false),
                new DiffLine(Type.REMOVED, 2, 0, "old 2", false)), deleted.hunks().get(0).lines());
        FileDiff added = find(files, "src/new.txt");
        assertEquals(ChangeKind.ADDED, added.kind());
        assertNull(added.oldPath());
        assertNull(added.oldMode());
        assertEquals("100644", added.newMode());
        assertEquals("@@ -0,0 +1,2 @@", added.hunks().get(0).header());
        assertEquals(new DiffLine(Type.ADDED, 0, 2, "b", false), added.hunks().get(0).lines().get(1));
        assertEquals(2, added.additions());
    }

    @Test
    void renameWithAnEditKeepsSimilarityAndBothPaths() throws IOException {
        repo.write("old/name.txt", TestRepo.rows(1, 20)).write("old name.txt", "same\n").commitAll("base");
        Files.createDirectories(repo.dir.resolve("new"));
        repo.git("mv", "old/name.txt", "new/name.txt");
        repo.git("mv", "old name.txt", "new name.txt");
        repo.write("new/name.txt", TestRepo.rows(1, 20).replace("line 10\n", "ten\n"));

        List<FileDiff> files = repo.stagedDiff();

        FileDiff edited = find(files, "new/name.txt");
        assertEquals(ChangeKind.RENAMED, edited.kind());
        assertEquals("old/name.txt", edited.oldPath());
        assertTrue(edited.similarity() >= 80 && edited.similarity() < 100, "similarity " + edited.similarity());
        assertEquals(1, edited.hunks().size());
        assertEquals(1, edited.additions());
        FileDiff pure = find(files, "new name.txt");
        assertEquals(ChangeKind.RENAMED, pure.kind());
        assertEquals("old name.txt", pure.oldPath(), "paths with spaces come from the rename lines");
        assertEquals(100, pure.similarity());
        assertTrue(pure.hunks().isEmpty());
    }

    @Test
    void copyOfAModifiedFile() throws IOException {
        repo.write("a.txt", TestRepo.rows(1, 20)).commitAll("base");
        repo.write("a.txt", TestRepo.rows(1, 21)).write("b.txt", TestRepo.rows(1, 20));

        List<FileDiff> files = repo.stagedDiff();

        FileDiff copy = find(files, "b.txt");
        assertEquals(ChangeKind.COPIED, copy.kind());
        assertEquals("a.txt", copy.oldPath());
        assertEquals(100, copy.similarity());
        assertEquals(ChangeKind.MODIFIED, find(files, "a.txt").kind());
    }

    @Test
    void modeChangeAloneAndWithAnEdit() throws IOException {
        repo.write("run.sh", "echo hi\n").write("tool.sh", "echo a\n").commitAll("base");
        Files.setPosixFilePermissions(repo.dir.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        repo.write("tool.sh", "echo b\n");
        Files.setPosixFilePermissions(repo.dir.resolve("tool.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));

        List<FileDiff> files = repo.stagedDiff();

        FileDiff run = find(files, "run.sh");
        assertEquals(ChangeKind.MODE_CHANGED, run.kind());
        assertEquals("100644", run.oldMode());
        assertEquals("100755", run.newMode());
        assertTrue(run.hunks().isEmpty());
        FileDiff tool = find(files, "tool.sh");
        assertEquals(ChangeKind.MODIFIED, tool.kind());
        assertEquals("100755", tool.newMode());
        assertEquals(1, tool.hunks().size());
    }

    @Test
    void binaryFilesWithAndWithoutBinaryPatches() throws IOException {
        repo.write("bin.dat", new byte[] {0, 1, 2, 3}).write("z.txt", "z\n").commitAll("base");
        repo.write("bin.dat", new byte[] {0, 1, 2, 4, 5}).write("z.txt", "zz\n");
        repo.git("add", "-A");

        for (List<FileDiff> files : List.of(DiffParser.parse(repo.diffOutput("--cached", "HEAD")),
                DiffParser.parse(repo.diffOutput("--cached", "--binary", "HEAD")))) {
            FileDiff binary = find(files, "bin.dat");
            assertTrue(binary.binary());
            assertEquals(ChangeKind.MODIFIED, binary.kind());
            assertTrue(binary.hunks().isEmpty());
            assertEquals(2, files.size());
            assertEquals("zz", find(files, "z.txt").hunks().get(0).lines().get(1).text());
        }
    }

    @Test
    void crlfLinesKeepTheirCarriageReturn() throws IOException {
        repo.write("dos.txt", "one\r\ntwo\r\nthree\r\n").commitAll("base");
        repo.write("dos.txt", "one\r\nTWO\r\nthree\r\n");

        List<DiffLine> lines = only(repo.stagedDiff()).hunks().get(0).lines();

        assertEquals(List.of("one\r", "two\r", "TWO\r", "three\r"), texts(lines));
        assertEquals(Type.REMOVED, lines.get(1).type());
    }

    @Test
    void missingFinalNewlineOnEitherSide() throws IOException {
        repo.write("both.txt", "a\nb").write("fixed.txt", "x\ny").commitAll("base");
        repo.write("both.txt", "a\nc").write("fixed.txt", "x\ny\nz\n");

        List<FileDiff> files = repo.stagedDiff();

        assertEquals(List.of(new DiffLine(Type.CONTEXT, 1, 1, "a", false), new DiffLine(Type.REMOVED, 2, 0, "b", true),
                new DiffLine(Type.ADDED, 0, 2, "c", true)), find(files, "both.txt").hunks().get(0).lines());
        List<DiffLine> fixed = find(files, "fixed.txt").hunks().get(0).lines();
        assertEquals(new DiffLine(Type.REMOVED, 2, 0, "y", true), fixed.get(1));
        assertEquals(new DiffLine(Type.ADDED, 0, 2, "y", false), fixed.get(2));
        assertEquals(new DiffLine(Type.ADDED, 0, 3, "z", false), fixed.get(3));
    }

    @Test
    void pathsWithSpacesUnicodeAndQuotes() throws IOException {
        repo.write("my dir/my file.txt", "x\n").write("é/日本 file.txt", "u\n").write("say \"hi\".txt", "q\n")
                .commitAll("base");
        repo.write("my dir/my file.txt", "y\n").write("é/日本 file.txt", "v\n").write("say \"hi\".txt", "r\n")
                .write("empty file.txt", "").write("naïve.txt", "new\n");
        repo.git("add", "-A");

        List<String> args = new ArrayList<>(List.of("-c", "core.quotepath=on", "diff", "--cached", "HEAD"));
        args.addAll(Diffs.FLAGS);
        byte[] quoted = TestRepo.GIT.checked(repo.dir, args, Map.of(), null).stdout();
        assertTrue(new String(quoted, StandardCharsets.UTF_8).contains("\\303\\251"),
                "git quoted the unicode path");
        for (byte[] output : List.of(repo.diffOutput("--cached", "HEAD"), quoted)) {
            List<FileDiff> files = DiffParser.parse(output);
            assertEquals(List.of("empty file.txt", "my dir/my file.txt", "naïve.txt", "say \"hi\".txt",
                    "é/日本 file.txt"), files.stream().map(FileDiff::path).sorted().toList());
            FileDiff empty = find(files, "empty file.txt");
            assertEquals(ChangeKind.ADDED, empty.kind(), "a header-only entry names its path in the diff line");
            assertTrue(empty.hunks().isEmpty());
            Hunk unicode = find(files, "é/日本 file.txt").hunks().get(0);
            assertEquals(1, unicode.oldCount(), "@@ -1 +1 @@ leaves the counts out");
            assertEquals(1, unicode.newCount());
            assertEquals("my dir/my file.txt", find(files, "my dir/my file.txt").oldPath());
        }
    }

    @Test
    void submoduleEntry() throws IOException {
        repo.write("a.txt", "a\n").commitAll("base");
        String commit = repo.git("rev-parse", "HEAD").strip();
        repo.git("update-index", "--add", "--cacheinfo", "160000," + commit + ",sub");

        FileDiff sub = only(DiffParser.parse(repo.diffOutput("--cached", "HEAD")));

        assertEquals(ChangeKind.SUBMODULE, sub.kind());
        assertEquals("sub", sub.path());
        assertNull(sub.oldPath());
        assertEquals("160000", sub.newMode());
        assertEquals("Subproject commit " + commit, sub.hunks().get(0).lines().get(0).text());
    }

    @Test
    void contentThatLooksLikeHeadersStaysInsideTheHunk() throws IOException {
        repo.write("tricky.txt", "-- a\n++ b\nkeep\n").write("z.txt", "1\n").commitAll("base");
        repo.write("tricky.txt", "++ b\nkeep\n++ y\ndiff --git a/x b/x\n@@ -1 +1 @@\n").write("z.txt", "2\n");

        List<FileDiff> files = repo.stagedDiff();

        assertEquals(2, files.size());
        FileDiff tricky = find(files, "tricky.txt");
        assertEquals(List.of(new DiffLine(Type.REMOVED, 1, 0, "-- a", false), // printed as "--- a"
                new DiffLine(Type.CONTEXT, 2, 1, "++ b", false),
                new DiffLine(Type.CONTEXT, 3, 2, "keep", false),
                new DiffLine(Type.ADDED, 0, 3, "++ y", false), // printed as "+++ y"
                new DiffLine(Type.ADDED, 0, 4, "diff --git a/x b/x", false),
                new DiffLine(Type.ADDED, 0, 5, "@@ -1 +1 @@", false)), tricky.hunks().get(0).lines());
        assertEquals(3, tricky.additions());
        assertEquals(1, tricky.deletions());
        assertEquals("2", find(files, "z.txt").hunks().get(0).lines().get(1).text());
    }

    @Test
    void largeFileKeepsCountsButDropsHunks() throws IOException {
        repo.write("a.txt", "a\n").commitAll("base");
        repo.write("big.txt", TestRepo.rows(1, 6_000)).write("small.txt", "s\n");

        List<FileDiff> files = repo.stagedDiff();

        FileDiff big = find(files, "big.txt");
        assertTrue(big.tooLarge());
        assertTrue(big.hunks().isEmpty());
        assertEquals(6_000, big.additions());
        assertFalse(find(files, "small.txt").tooLarge());
        assertEquals(1, find(files, "small.txt").hunks().size());
    }

    static FileDiff only(List<FileDiff> files) {
        assertEquals(1, files.size(), () -> "files: " + files);
        return files.get(0);
    }

    static FileDiff find(List<FileDiff> files, String path) {
        return files.stream().filter(file -> path.equals(file.path())).findFirst()
                .orElseThrow(() -> new AssertionError(path + " not in " + files.stream().map(FileDiff::path)
                        .collect(Collectors.toList())));
    }

    private static List<String> texts(List<DiffLine> lines) {
        return lines.stream().map(DiffLine::text).toList();
    }
}
