package dev.questbench.review;

import static dev.questbench.review.ReviewRepo.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.domain.event.QuestEvent.ReviewDecision;
import dev.questbench.workspace.diff.DiffScope;
import dev.questbench.workspace.diff.FileDiff;
import dev.questbench.workspace.diff.Hunk;
import dev.questbench.workspace.git.GitException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accept (stage), reject (discard) and undo of files and hunks, on a real repository with real checkpoints. */
class ReviewDecisionsTest {
    @TempDir
    Path root;
    private ReviewRepo repo;
    private ReviewSession session;

    @BeforeEach
    void setUp() {
        repo = new ReviewRepo(root);
        repo.write("a.txt", lines());
        repo.commitAll();
        repo.startTurn();
        repo.agentWrites("a.txt", lines("2", "line two", "18", "line eighteen"));
        session = repo.session();
    }

    @AfterEach
    void tearDown() {
        repo.close();
    }

    @Test
    void rejectOneHunkAcceptTheOtherThenUndoBoth() {
        FileDiff file = ReviewRepo.file(session, DiffScope.LAST_TURN, "a.txt");
        assertEquals(2, file.hunks().size());

        session.reject(file, file.hunks().get(0), "  keep the old name  ");
        assertEquals(lines("18", "line eighteen"), repo.read("a.txt"), "the other hunk stays on disk");

        FileDiff after = ReviewRepo.file(session, DiffScope.LAST_TURN, "a.txt");
        assertEquals(1, after.hunks().size());
        Hunk kept = after.hunks().get(0);
        session.accept(after, kept);
        String cached = repo.git("diff", "--cached");
        assertTrue(cached.contains("+line eighteen"), cached);
        assertFalse(cached.contains("line two"), cached);

        assertEquals("accepted", session.undoLast().orElseThrow().action());
        assertEquals("", repo.git("diff", "--cached"), "undoing the accept unstages the hunk");
        assertEquals(lines("18", "line eighteen"), repo.read("a.txt"), "and leaves the working tree alone");

        ReviewDecision undoneReject = session.undoLast().orElseThrow();
        assertEquals("rejected", undoneReject.action());
        assertEquals(lines("2", "line two", "18", "line eighteen"), repo.read("a.txt"), "the rejected hunk is back");
        assertTrue(session.undoLast().isEmpty(), "nothing left to undo");

        List<ReviewDecision> journaled = ReviewState.of(repo.store.journal().readByType(repo.questId,
                Set.of("quest.review_decision"), 0)).history();
        assertEquals(List.of("rejected", "accepted", "undone", "undone"),
                journaled.stream().map(ReviewDecision::action).toList());
        ReviewDecision rejected = journaled.get(0);
        assertEquals("a.txt", rejected.path());
        assertEquals(file.hunks().get(0).header(), rejected.hunk());
        assertEquals(Fingerprints.of(file, file.hunks().get(0)), rejected.fingerprint());
        assertEquals("keep the old name", rejected.reason());
        assertEquals(Fingerprints.of(after, kept), journaled.get(1).fingerprint());
    }

    @Test
    void decisionsAreQueryableUntilUndone() {
        FileDiff file = ReviewRepo.file(session, DiffScope.LAST_TURN, "a.txt");
        Hunk first = file.hunks().get(0);
        session.reject(file, first, null);
        String fingerprint = Fingerprints.of(file, first);
        assertEquals("rejected", session.state().decision("a.txt", fingerprint).orElseThrow().action());
        assertEquals(null, session.state().decision("a.txt", fingerprint).orElseThrow().reason());

        session.undoLast();
        assertTrue(session.state().decision("a.txt", fingerprint).isEmpty());
        assertTrue(repo.session().state().decision("a.txt", fingerprint).isEmpty(), "also when read back");
    }

    @Test
    void rejectingANewFileInTheQuestScopeDeletesItAndUndoBringsItBack() {
        repo.agentWrites("src/New.java", "class New {}\n");
        FileDiff created = ReviewRepo.file(session, DiffScope.CURRENT_QUEST, "src/New.java");

        session.reject(created, null, "not needed");
        assertFalse(repo.exists("src/New.java"));
        assertTrue(session.load(DiffScope.CURRENT_QUEST).stream().noneMatch(f -> f.path().equals("src/New.java")));

        session.undoLast();
        assertEquals("class New {}\n", repo.read("src/New.java"));
    }

    @Test
    void rejectingAWholeFileInTheQuestScopeGoesBackToTheCheckpointNotToHead() {
        repo.startTurn(); // second checkpoint: a.txt already has both changes
        repo.agentWrites("a.txt", lines("2", "line two", "10", "line ten", "18", "line eighteen"));
        FileDiff lastTurn = ReviewRepo.file(session, DiffScope.LAST_TURN, "a.txt");
        assertEquals(1, lastTurn.hunks().size());

        session.reject(lastTurn, null, null);
        assertEquals(lines("2", "line two", "18", "line eighteen"), repo.read("a.txt"));
    }

    @Test
    void acceptAndRejectInAllUncommitted() {
        FileDiff file = ReviewRepo.file(session, DiffScope.ALL_UNCOMMITTED, "a.txt");
        session.accept(file, file.hunks().get(1));
        String cached = repo.git("diff", "--cached");
        assertTrue(cached.contains("+line eighteen") && !cached.contains("+line two"), cached);

        FileDiff unstaged = session.load(DiffScope.ALL_UNCOMMITTED).stream()
                .filter(f -> f.path().equals("a.txt") && !f.staged()).findFirst().orElseThrow();
        session.reject(unstaged, null, "wrong line");
        assertEquals(lines("18", "line eighteen"), repo.read("a.txt"), "discarding unstaged keeps what is staged");

        session.undoLast();
        assertEquals(lines("2", "line two", "18", "line eighteen"), repo.read("a.txt"));
        session.undoLast();
        assertEquals("", repo.git("diff", "--cached"));
    }

    @Test
    void acceptingAWholeFileStagesIt() {
        FileDiff file = ReviewRepo.file(session, DiffScope.CURRENT_QUEST, "a.txt");
        session.accept(file, null);
        assertEquals("M  a.txt", repo.git("status", "--porcelain").strip());
        session.undoLast();
        assertEquals("M a.txt", repo.git("status", "--porcelain").strip());
    }

    @Test
    void aDecisionMadeBeforeARestartCanStillBeUndone() {
        FileDiff file = ReviewRepo.file(session, DiffScope.LAST_TURN, "a.txt");
        session.reject(file, file.hunks().get(0), null);
        assertEquals(lines("18", "line eighteen"), repo.read("a.txt"));

        ReviewSession later = repo.session(); // a new session reads only the journal and the blobs
        assertEquals("rejected", later.undoLast().orElseThrow().action());
        assertEquals(lines("2", "line two", "18", "line eighteen"), repo.read("a.txt"), "the rejected hunk is back");
        assertTrue(later.undoLast().isEmpty());
    }

    @Test
    void undoOfADecisionJournaledWithoutItsEarlierStateIsRefusedWithAReason() {
        repo.store.journal().append(repo.questId, new ReviewDecision("a.txt", null, "f", "rejected", null));
        IllegalStateException refused = assertThrows(IllegalStateException.class, repo.session()::undoLast);
        assertTrue(refused.getMessage().contains("cannot be undone"), refused.getMessage());
        assertEquals(lines("2", "line two", "18", "line eighteen"), repo.read("a.txt"), "nothing was touched");
    }

    @Test
    void wholeFileContentsBeforeAndAfterTheScopeAreReadable() {
        ReviewRepo.file(session, DiffScope.LAST_TURN, "a.txt");
        assertEquals(lines(), session.contentBefore("a.txt"), "the checkpoint's text");
        assertEquals(lines("2", "line two", "18", "line eighteen"), session.contentAfter("a.txt"));
        assertEquals(null, session.contentBefore("new.txt"), "absent at the checkpoint");
        assertEquals(null, session.contentAfter("../escape.txt"), "outside the folder reads as absent");
    }

    @Test
    void aQuestHunkStagesAloneOnlyWhileTheIndexHoldsItsLinesAsAtTheCheckpoint() {
        repo.write("a.txt", lines("2", "staged by the user"));
        repo.git("add", "a.txt");
        repo.agentWrites("a.txt", lines("2", "line two", "18", "line eighteen"));
        FileDiff file = ReviewRepo.file(session, DiffScope.LAST_TURN, "a.txt");
        GitException refused = assertThrows(GitException.class, () -> session.accept(file, file.hunks().get(0)));
        assertTrue(refused.getMessage().contains("Accept the whole file"), refused.getMessage());
        assertTrue(session.state().history().isEmpty(), "a failed accept is not journaled");
        assertTrue(repo.git("diff", "--cached").contains("+staged by the user"), "the index is untouched");

        session.accept(file, file.hunks().get(1)); // its lines are as at the checkpoint: it stages
        assertTrue(repo.git("diff", "--cached").contains("+line eighteen"));
    }

    @Test
    void decisionsNeedALoadedDiff() {
        FileDiff file = new dev.questbench.workspace.diff.Diffs(ReviewRepo.GIT)
                .diff(repo.dir, DiffScope.ALL_UNCOMMITTED, null, null).get(0);
        assertThrows(IllegalStateException.class, () -> session.accept(file, null));
        assertEquals(lines("2", "line two", "18", "line eighteen"), repo.read("a.txt"));
    }
}
