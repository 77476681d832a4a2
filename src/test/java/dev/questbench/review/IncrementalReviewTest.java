package dev.questbench.review;

import static dev.questbench.review.ReviewRepo.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.workspace.diff.DiffScope;
import dev.questbench.workspace.diff.FileDiff;
import dev.questbench.workspace.diff.Hunk;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Viewed marks that survive a restart, reset when the agent changes the code again, and drive "since last review". */
class IncrementalReviewTest {
    @TempDir
    Path root;
    private ReviewRepo repo;

    @BeforeEach
    void setUp() {
        repo = new ReviewRepo(root);
        repo.write("a.txt", lines());
        repo.write("b.txt", lines());
        repo.commitAll();
        repo.startTurn();
        repo.agentWrites("a.txt", lines("2", "line two", "18", "line eighteen"));
        repo.agentWrites("b.txt", lines("5", "line five"));
    }

    @AfterEach
    void tearDown() {
        repo.close();
    }

    @Test
    void viewedMarksPersistAndResetWhenTheAgentChangesTheFile() {
        ReviewSession session = repo.session();
        List<FileDiff> files = session.load(DiffScope.CURRENT_QUEST);
        FileDiff a = ReviewRepo.only(files, "a.txt");
        session.markViewed(a, null, true);
        assertTrue(session.isViewed(a, null));
        assertTrue(session.isViewed(a, a.hunks().get(0)) && session.isViewed(a, a.hunks().get(1)),
                "viewing a file views its hunks");

        ReviewState reread = ReviewState.of(repo.store.journal().readByType(repo.questId,
                Set.of("quest.review_viewed"), 0));
        assertTrue(reread.viewed("a.txt", Fingerprints.of(a)), "the mark is read back from the journal");
        assertFalse(reread.viewed("b.txt", Fingerprints.of(ReviewRepo.only(files, "b.txt"))));

        repo.startTurn();
        repo.agentWrites("a.txt", lines("2", "line two", "18", "line 18, again"));
        ReviewSession restarted = repo.session();
        FileDiff changed = ReviewRepo.file(restarted, DiffScope.CURRENT_QUEST, "a.txt");
        assertFalse(restarted.isViewed(changed, null), "the file's mark resets");
        assertTrue(restarted.isViewed(changed, changed.hunks().get(0)), "the untouched hunk stays viewed");
        assertFalse(restarted.isViewed(changed, changed.hunks().get(1)), "the changed hunk does not");
    }

    @Test
    void changesSinceLastReviewShowOnlyWhatIsNew() {
        ReviewSession session = repo.session();
        List<FileDiff> files = session.load(DiffScope.CURRENT_QUEST);
        session.markViewed(ReviewRepo.only(files, "a.txt"), null, true);
        FileDiff b = ReviewRepo.only(files, "b.txt");
        assertEquals(List.of("b.txt"), session.changesSinceLastReview(files).stream().map(FileDiff::path).toList());
        session.markViewed(b, b.hunks().get(0), true);
        assertTrue(session.changesSinceLastReview(files).isEmpty(), "a file whose only hunk is viewed is done");

        repo.startTurn();
        repo.agentWrites("a.txt", lines("2", "line two", "18", "line 18, again"));
        List<FileDiff> fresh = session.changesSinceLastReview(session.load(DiffScope.CURRENT_QUEST));
        assertEquals(1, fresh.size());
        FileDiff onlyNew = fresh.get(0);
        assertEquals("a.txt", onlyNew.path());
        assertEquals(1, onlyNew.hunks().size());
        Hunk hunk = onlyNew.hunks().get(0);
        assertTrue(hunk.lines().stream().anyMatch(line -> line.text().equals("line 18, again")), hunk.toString());
        assertEquals(1, onlyNew.additions());
        assertEquals(1, onlyNew.deletions());
    }

    @Test
    void unmarkingBringsTheFileBack() {
        ReviewSession session = repo.session();
        List<FileDiff> files = session.load(DiffScope.LAST_TURN);
        FileDiff b = ReviewRepo.only(files, "b.txt");
        session.markViewed(b, null, true);
        session.markViewed(b, null, false);
        assertFalse(session.isViewed(b, null));
        assertEquals(2, session.changesSinceLastReview(files).size());
    }

    @Test
    void filesTheQuestDidNotWriteAreMarkedExternal() {
        repo.write("c.txt", "written by the user\n");
        List<FileDiff> files = repo.session().load(DiffScope.LAST_TURN);
        assertTrue(ReviewRepo.only(files, "c.txt").external());
        assertFalse(ReviewRepo.only(files, "a.txt").external());
    }
}
