package dev.questbench.review;

import static dev.questbench.review.ReviewRepo.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent.ReviewComment;
import dev.questbench.domain.event.QuestEvent.ReviewFeedback;
import dev.questbench.workspace.diff.DiffScope;
import dev.questbench.workspace.diff.FileDiff;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Line comments and rejection reasons becoming one structured feedback message. */
class ReviewFeedbackTest {
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
    void commentsAndRejectionsMakeOneMessageGroupedByFile() {
        FileDiff file = ReviewRepo.file(session, DiffScope.LAST_TURN, "a.txt");
        String header = file.hunks().get(1).header();
        session.addComment("src/B.java", "old", 3, 4, "int x;\nint y;", "Why were these removed?");
        session.addComment("a.txt", "new", 2, 2, "line two", " Call it \"second line\". ");
        session.reject(file, file.hunks().get(1), "keep line 18 as it was");

        assertEquals("""
                Review feedback on your changes. Please address each point:

                ## a.txt

                a.txt:2 (new side)
                ```
                line two
                ```
                Call it "second line".

                I rejected this change in a.txt (%s): keep line 18 as it was

                ## src/B.java

                src/B.java:3-4 (old side)
                ```
                int x;
                int y;
                ```
                Why were these removed?
                """.formatted(header), session.feedbackMessage());
    }

    @Test
    void wholeFileRejectionsWithoutReasonAndQuotesHoldingFences() {
        FileDiff file = ReviewRepo.file(session, DiffScope.LAST_TURN, "a.txt");
        session.reject(file, null, "  ");
        session.addComment("README.md", "new", 7, 7, "```java\ncode\n```", "Fix the sample.");

        assertEquals("""
                Review feedback on your changes. Please address each point:

                ## README.md

                README.md:7 (new side)
                ````
                ```java
                code
                ```
                ````
                Fix the sample.

                ## a.txt

                I rejected the changes to a.txt.
                """, session.feedbackMessage());
    }

    @Test
    void sendFeedbackJournalsItMarksCommentsSentAndSendsOnce() {
        FileDiff file = ReviewRepo.file(session, DiffScope.LAST_TURN, "a.txt");
        ReviewComment sent = session.addComment("a.txt", "new", 2, 3, "line two\nline 3", "Rename this.");
        ReviewComment resolved = session.addComment("a.txt", "new", 5, 5, "line 5", "Typo?");
        ReviewComment deleted = session.addComment("a.txt", "old", 9, 9, "line 9", "never mind");
        session.resolveComment(resolved.commentId());
        session.deleteComment(deleted.commentId());
        session.editComment(sent.commentId(), "Rename this to second.");
        session.reject(file, file.hunks().get(1), "no");
        String expected = session.feedbackMessage();
        assertTrue(expected.contains("Rename this to second.") && !expected.contains("Typo?")
                && !expected.contains("never mind") && expected.contains(": no\n"), expected);

        List<String> delivered = new ArrayList<>();
        assertTrue(session.sendFeedback(delivered::add));
        assertEquals(List.of(expected), delivered);

        List<JournalEntry> feedback = repo.store.journal().readByType(repo.questId, Set.of("quest.review_feedback"),
                0);
        assertEquals(1, feedback.size());
        ReviewFeedback event = (ReviewFeedback) feedback.get(0).event();
        assertEquals(expected, event.message());
        assertEquals(List.of(new ReviewFeedback.LineComment("a.txt", 2, "new", "Rename this to second.")),
                event.comments());

        ReviewState reread = repo.session().state();
        assertEquals("sent", reread.comment(sent.commentId()).orElseThrow().status());
        assertEquals("resolved", reread.comment(resolved.commentId()).orElseThrow().status());
        assertTrue(reread.comment(deleted.commentId()).isEmpty());
        assertEquals(List.of("sent", "resolved"), reread.comments("a.txt").stream().map(ReviewComment::status)
                .toList(), "sent and resolved comments stay visible in the diff");
        assertTrue(reread.pendingComments().isEmpty());
        assertTrue(reread.unsentRejections().isEmpty());

        assertEquals("", session.feedbackMessage());
        assertFalse(session.sendFeedback(delivered::add), "nothing new to send");
        assertEquals(1, delivered.size());
    }

    @Test
    void aFailedSendKeepsTheCommentsPending() {
        session.addComment("a.txt", "new", 2, 2, "line two", "Rename.");
        assertThrows(IllegalStateException.class, () -> session.sendFeedback(text -> {
            throw new IllegalStateException("the quest is running");
        }));
        assertEquals(1, session.state().pendingComments().size());
        assertTrue(repo.store.journal().readByType(repo.questId, Set.of("quest.review_feedback"), 0).isEmpty());
    }

    @Test
    void undoingARejectionTakesItOutOfTheFeedback() {
        FileDiff file = ReviewRepo.file(session, DiffScope.LAST_TURN, "a.txt");
        session.reject(file, file.hunks().get(0), "no");
        session.undoLast();
        assertEquals("", session.feedbackMessage());
    }

    @Test
    void commentsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> session.addComment("a.txt", "left", 1, 1, "", "x"));
        assertThrows(IllegalArgumentException.class, () -> session.addComment("a.txt", "new", 3, 2, "", "x"));
        assertThrows(IllegalArgumentException.class, () -> session.addComment("a.txt", "new", 1, 1, "", " "));
        assertThrows(IllegalArgumentException.class, () -> session.editComment("cmt_missing", "x"));
        assertTrue(session.state().pendingComments().isEmpty());
    }
}
