package dev.questbench.review;

import static dev.questbench.review.ReviewRepo.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.workspace.diff.DiffScope;
import dev.questbench.workspace.diff.FileDiff;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reloading one file after a decision gives what reloading the whole scope would give for it. */
class FileReloadTest {
    @TempDir
    Path root;
    private ReviewRepo repo;
    private ReviewSession session;

    @BeforeEach
    void setUp() {
        repo = new ReviewRepo(root);
        repo.write("a.txt", lines());
        repo.write("b.txt", lines());
        repo.commitAll();
        repo.startTurn();
        repo.agentWrites("a.txt", lines("2", "line two", "18", "line eighteen"));
        repo.agentWrites("b.txt", lines("3", "line three"));
        repo.agentWrites("n.txt", "new\n");
        session = repo.session();
    }

    @AfterEach
    void tearDown() {
        repo.close();
    }

    @ParameterizedTest
    @EnumSource(DiffScope.class)
    void afterARejectTheFileReloadsAsTheScopeWould(DiffScope scope) {
        FileDiff file = ReviewRepo.file(session, scope, "a.txt");
        session.reject(file, file.hunks().get(0), null);
        List<FileDiff> reloaded = session.reload(file);
        assertEquals(1, reloaded.size());
        assertEquals(1, reloaded.get(0).hunks().size());
        assertEquals(expected(scope, "a.txt"), reloaded);
    }

    @ParameterizedTest
    @EnumSource(DiffScope.class)
    void newFilesReloadToo(DiffScope scope) {
        FileDiff file = ReviewRepo.file(session, scope, "n.txt");
        repo.write("n.txt", "new\nmore\n");
        List<FileDiff> reloaded = session.reload(file);
        assertEquals(2, reloaded.get(0).additions());
        assertEquals(expected(scope, "n.txt"), reloaded);
    }

    @Test
    void stagedAndUnstagedEntriesBothComeBack() {
        FileDiff file = ReviewRepo.file(session, DiffScope.ALL_UNCOMMITTED, "a.txt");
        session.accept(file, file.hunks().get(0));
        List<FileDiff> reloaded = session.reload(file);
        assertEquals(List.of(true, false), reloaded.stream().map(FileDiff::staged).toList());
        assertEquals(expected(DiffScope.ALL_UNCOMMITTED, "a.txt"), reloaded);
    }

    @ParameterizedTest
    @EnumSource(DiffScope.class)
    void aFullyRejectedFileReloadsAsNothing(DiffScope scope) {
        FileDiff file = ReviewRepo.file(session, scope, "b.txt");
        session.reject(file, null, null);
        assertTrue(session.reload(file).isEmpty());
    }

    private List<FileDiff> expected(DiffScope scope, String path) {
        return repo.session().load(scope).stream().filter(each -> each.path().equals(path)).toList();
    }
}
