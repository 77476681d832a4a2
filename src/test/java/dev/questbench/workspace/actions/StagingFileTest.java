package dev.questbench.workspace.actions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.questbench.workspace.diff.ChangeKind;
import dev.questbench.workspace.diff.DiffScope;
import dev.questbench.workspace.diff.Diffs;
import dev.questbench.workspace.diff.FileDiff;
import dev.questbench.workspace.git.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File-level and whole-tree stage, unstage and discard on real repositories; other files are never touched. */
class StagingFileTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H'};

    @TempDir
    Path dir;
    private TestRepo repo;
    private Staging staging;

    @BeforeEach
    void repository() {
        repo = TestRepo.init(dir);
        repo.write("keep.txt", "keep\n");
        repo.write("edit.txt", "one\ntwo\n");
        repo.write("gone.txt", "to be deleted\n");
        repo.write(".gitignore", "build/\n*.log\n");
        repo.commitAll("start");
        repo.write("keep.txt", "keep, but changed\n"); // a bystander every test checks
        staging = new Staging(TestRepo.GIT, dir);
    }

    @Test
    void modifiedFileStagesUnstagesAndDiscards() {
        repo.write("edit.txt", "one\nTWO\n");

        staging.stageFile(repo.unstagedChange("edit.txt"));
        assertEquals("M  edit.txt\n M keep.txt\n", repo.git("status", "--porcelain"));

        staging.unstageFile(repo.stagedChange("edit.txt"));
        assertEquals(" M edit.txt\n M keep.txt\n", repo.git("status", "--porcelain"));

        staging.discardFile(repo.unstagedChange("edit.txt"));
        assertEquals("one\ntwo\n", repo.read("edit.txt"));
        assertBystanderKept();
    }

    @Test
    void discardingAStagedFileGoesBackToHead() {
        repo.write("edit.txt", "staged\n");
        repo.git("add", "edit.txt");
        repo.write("edit.txt", "staged\nand more\n");

        staging.discardFile(repo.stagedChange("edit.txt"));

        assertEquals("one\ntwo\n", repo.read("edit.txt"));
        assertEquals("", repo.cachedText());
        assertBystanderKept();
    }

    @Test
    void discardingTheUnstagedPartKeepsWhatIsStaged() {
        repo.write("edit.txt", "staged\n");
        repo.git("add", "edit.txt");
        repo.write("edit.txt", "staged\nand more\n");

        staging.discardFile(repo.unstagedChange("edit.txt"));

        assertEquals("staged\n", repo.read("edit.txt"));
        assertEquals("staged\n", new String(repo.staged("edit.txt")));
    }

    @Test
    void untrackedFileStagesAndIsDeletedOnDiscard() {
        repo.write("new/dir/fresh.txt", "fresh\n");
        FileDiff fresh = repo.unstagedChange("new/dir/fresh.txt");
        assertEquals(ChangeKind.ADDED, fresh.kind());

        staging.stageFile(fresh);
        assertTrue(repo.git("status", "--porcelain").contains("A  new/dir/fresh.txt"));
        staging.unstageFile(repo.stagedChange("new/dir/fresh.txt"));
        assertTrue(repo.git("status", "--porcelain").contains("?? new/"));

        staging.discardFile(repo.unstagedChange("new/dir/fresh.txt"));
        assertFalse(repo.exists("new/dir/fresh.txt"));
        assertFalse(repo.exists("new"), "emptied folders go too");
        assertBystanderKept();
    }

    @Test
    void stagedNewFileIsRemovedFromIndexAndDiskOnDiscard() {
        repo.write("added.txt", "added\n");
        repo.git("add", "added.txt");

        staging.discardFile(repo.stagedChange("added.txt"));

        assertFalse(repo.exists("added.txt"));
        assertEquals("", repo.cachedText());
    }

    @Test
    void deletedFileStagesAndComesBackOnDiscard() throws Exception {
        Files.delete(dir.resolve("gone.txt"));
        FileDiff gone = repo.unstagedChange("gone.txt");
        assertEquals(ChangeKind.DELETED, gone.kind());

        staging.stageFile(gone);
        assertTrue(repo.git("status", "--porcelain").contains("D  gone.txt"));

        staging.discardFile(repo.stagedChange("gone.txt"));
        assertEquals("to be deleted\n", repo.read("gone.txt"));
        assertEquals("", repo.cachedText());
    }

    @Test
    void stagedRenameUnstagesAndDiscardsBothPaths() {
        repo.git("mv", "edit.txt", "moved.txt");
        FileDiff moved = repo.stagedChange("moved.txt");
        assertEquals(ChangeKind.RENAMED, moved.kind());
        assertEquals("edit.txt", moved.oldPath());

        staging.unstageFile(moved);
        assertEquals(" D edit.txt\n M keep.txt\n?? moved.txt\n", repo.git("status", "--porcelain"));

        staging.stageFile(moved);
        assertEquals(" M keep.txt\nR  edit.txt -> moved.txt\n", repo.git("status", "--porcelain"));

        staging.discardFile(repo.stagedChange("moved.txt"));
        assertEquals("one\ntwo\n", repo.read("edit.txt"));
        assertFalse(repo.exists("moved.txt"));
        assertEquals(" M keep.txt\n", repo.git("status", "--porcelain"));
    }

    @Test
    void unstagedRenameWithAnEditStagesOneHunkWithTheRename() throws Exception {
        repo.write("edit.txt", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n");
        repo.commitAll("longer");
        Files.delete(dir.resolve("edit.txt"));
        repo.write("moved.txt", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12 changed\n");
        FileDiff moved = repo.unstagedChange("moved.txt");
        assertEquals(ChangeKind.RENAMED, moved.kind());

        staging.stageHunk(moved, moved.hunks().get(0));

        assertEquals("R  edit.txt -> moved.txt\n", repo.git("status", "--porcelain"));
        assertEquals("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12 changed\n", new String(repo.staged("moved.txt")));
    }

    @Test
    void binaryFileWorksPerFileAndRefusesHunks() {
        repo.write("logo.png", PNG);
        repo.commitAll("logo");
        byte[] changed = PNG.clone();
        changed[13] = 'X';
        repo.write("logo.png", changed);
        FileDiff logo = repo.unstagedChange("logo.png");
        assertTrue(logo.binary());

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> staging.stageHunk(logo, new dev.questbench.workspace.diff.Hunk(1, 1, 1, 1, "@@ -1 +1 @@", "",
                        List.of())));
        assertTrue(refused.getMessage().contains("logo.png is a binary file"), refused.getMessage());

        staging.stageFile(logo);
        assertArrayEquals(changed, repo.staged("logo.png"));
        staging.unstageFile(repo.stagedChange("logo.png"));
        assertArrayEquals(PNG, repo.staged("logo.png"));
        staging.discardFile(repo.unstagedChange("logo.png"));
        assertArrayEquals(PNG, repo.bytes("logo.png"));
    }

    @Test
    void fileLevelActionsOnSpacesAndUnicodeNames() {
        assumeTrue("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")), "file names cannot hold é");
        String path = "dossier été/日本 [1]*.txt";
        repo.write(path, "v1\n");
        repo.commitAll("unicode");
        repo.write(path, "v2\n");

        staging.stageFile(repo.unstagedChange(path));
        assertEquals("v2\n", new String(repo.staged(path), java.nio.charset.StandardCharsets.UTF_8));
        staging.unstageFile(repo.stagedChange(path));
        assertEquals("v1\n", new String(repo.staged(path), java.nio.charset.StandardCharsets.UTF_8));
        staging.discardFile(repo.unstagedChange(path));
        assertEquals("v1\n", repo.read(path));
        assertBystanderKept();
    }

    @Test
    void stageAllAndDiscardAllLeaveIgnoredFilesAlone() {
        repo.write("build/out.class", "binary-ish\n");
        repo.write("debug.log", "log\n");
        repo.write("fresh.txt", "fresh\n");
        repo.write("sub/deeper.txt", "deeper\n");
        repo.write("edit.txt", "edited\n");

        staging.stageAll();
        assertEquals("M  edit.txt\nA  fresh.txt\nM  keep.txt\nA  sub/deeper.txt\n!! build/\n!! debug.log\n",
                repo.git("status", "--porcelain", "--ignored"));

        staging.unstageAll();
        assertEquals("", repo.cachedText());
        assertTrue(repo.exists("fresh.txt"), "unstaging keeps the working tree");

        staging.discardAll();
        assertEquals("!! build/\n!! debug.log\n", repo.git("status", "--porcelain", "--ignored"));
        assertEquals("keep\n", repo.read("keep.txt"));
        assertFalse(repo.exists("sub"));
        assertEquals("log\n", repo.read("debug.log"));
        assertEquals("binary-ish\n", repo.read("build/out.class"));
    }

    @Test
    void discardAllBeforeTheFirstCommit(@TempDir Path empty) {
        TestRepo fresh = TestRepo.init(empty);
        fresh.write("a.txt", "a\n");
        fresh.write("b.txt", "b\n");
        fresh.write(".git/info/exclude", "*.log\n");
        fresh.write("x.log", "x\n");
        fresh.git("add", "a.txt");

        new Staging(TestRepo.GIT, empty).discardAll();

        assertEquals("!! x.log\n", fresh.git("status", "--porcelain", "--ignored"));
    }

    @Test
    void questScopeDiscardGoesBackToTheCheckpointNotToHead() {
        repo.write("edit.txt", "the user's own edit\n");
        Snapshot snapshot = new Snapshot(TestRepo.GIT);
        String checkpoint = snapshot.take(snapshot.locate(dir, dir.resolve("unused")), null, "checkpoint");
        repo.write("edit.txt", "the quest's edit\n");
        repo.write("quest.txt", "made by the quest\n");
        List<FileDiff> quest = new Diffs(TestRepo.GIT).diff(dir, DiffScope.CURRENT_QUEST, checkpoint, null);
        assertEquals(2, quest.size(), quest::toString);

        for (FileDiff file : quest) {
            staging.discardFile(file, checkpoint);
        }

        assertEquals("the user's own edit\n", repo.read("edit.txt"));
        assertFalse(repo.exists("quest.txt"));
        assertBystanderKept();
    }

    private void assertBystanderKept() {
        assertEquals("keep, but changed\n", repo.read("keep.txt"));
    }
}
