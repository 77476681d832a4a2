package dev.questbench.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.domain.event.QuestEvent;
import dev.questbench.domain.event.QuestEvent.ReviewComment;
import dev.questbench.domain.event.QuestEvent.ReviewDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fold of review events alone, without git or a store. */
class ReviewStateTest {
    @Test
    void undoReversesDecisionsNewestFirst() {
        ReviewState state = new ReviewState();
        ReviewDecision first = new ReviewDecision("a", "@@ 1 @@", "f1", "accepted", null);
        ReviewDecision second = new ReviewDecision("a", "@@ 2 @@", "f2", "rejected", "why");
        state.apply(first);
        state.apply(second);
        assertEquals(second, state.lastUndoable().orElseThrow());
        assertEquals(List.of(second), state.unsentRejections());

        state.apply(new ReviewDecision("a", "@@ 2 @@", "f2", "undone", null));
        assertEquals(first, state.lastUndoable().orElseThrow());
        assertTrue(state.decision("a", "f2").isEmpty());
        assertEquals(first, state.decision("a", "f1").orElseThrow());
        assertTrue(state.unsentRejections().isEmpty());
        assertEquals(3, state.history().size());
    }

    @Test
    void viewedMarksHoldForTheirFingerprintOnly() {
        ReviewState state = new ReviewState();
        state.apply(new QuestEvent.ReviewViewed("a", null, "f1", true));
        assertTrue(state.viewed("a", "f1"));
        assertFalse(state.viewed("a", "f2"));
        assertFalse(state.viewed("b", "f1"));
        state.apply(new QuestEvent.ReviewViewed("a", null, "f1", false));
        assertFalse(state.viewed("a", "f1"));
    }

    @Test
    void feedbackClearsRejectionsAndLaterCommentEventsUpdateOrDelete() {
        ReviewState state = new ReviewState();
        state.apply(new ReviewDecision("a", null, "f", "rejected", null));
        state.apply(new ReviewComment("c1", "a", "new", 2, 2, "q", "t", "pending"));
        state.apply(new ReviewComment("c2", "a", "new", 1, 1, "q", "u", "pending"));
        assertEquals(List.of("c2", "c1"), state.pendingComments().stream().map(ReviewComment::commentId).toList());
        state.apply(new QuestEvent.ReviewFeedback("m", List.of()));
        assertTrue(state.unsentRejections().isEmpty());
        state.apply(new ReviewComment("c1", "a", "new", 2, 2, "q", "t", "sent"));
        state.apply(new ReviewComment("c2", "a", "new", 1, 1, "q", null, "pending"));
        assertTrue(state.pendingComments().isEmpty());
        assertEquals(List.of("sent"), state.comments("a").stream().map(ReviewComment::status).toList());
    }
}
