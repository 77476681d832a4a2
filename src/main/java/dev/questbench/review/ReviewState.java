package dev.questbench.review;

import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.domain.event.QuestEvent.ReviewComment;
import dev.questbench.domain.event.QuestEvent.ReviewDecision;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a reviewer has done in one quest — decisions, viewed marks, line comments — folded from the quest's
 * {@code quest.review_*} events, so it reads the same after a restart. Not thread-safe: one owner applies events.
 */
public final class ReviewState {
    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";
    public static final String UNDONE = "undone";
    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String RESOLVED = "resolved";

    private final List<ReviewDecision> history = new ArrayList<>();
    private final Deque<ReviewDecision> undoable = new ArrayDeque<>();
    private final Map<String, ReviewDecision> decisions = new HashMap<>();
    private final Map<String, Boolean> viewed = new HashMap<>();
    private final Map<String, ReviewComment> comments = new LinkedHashMap<>();
    private final List<ReviewDecision> unsentRejections = new ArrayList<>();

    /** The state after the given journal entries, oldest first; other event types are skipped. */
    public static ReviewState of(List<JournalEntry> entries) {
        ReviewState state = new ReviewState();
        for (JournalEntry entry : entries) {
            state.apply(entry.event());
        }
        return state;
    }

    /** Folds one more event in. */
    public void apply(QuestEvent event) {
        if (event instanceof ReviewDecision decision) {
            applyDecision(decision);
        } else if (event instanceof QuestEvent.ReviewViewed mark) {
            viewed.put(key(mark.path(), mark.fingerprint()), mark.viewed());
        } else if (event instanceof ReviewComment comment) {
            if (comment.text() == null) {
                comments.remove(comment.commentId());
            } else {
                comments.put(comment.commentId(), comment);
            }
        } else if (event instanceof QuestEvent.ReviewFeedback) {
            unsentRejections.clear();
        }
    }

    /** The standing decision (accepted or rejected, not undone) on the change with this fingerprint. */
    public Optional<ReviewDecision> decision(String path, String fingerprint) {
        return Optional.ofNullable(decisions.get(key(path, fingerprint)));
    }

    /** Every decision event, undone ones included, oldest first: what the reviewer did. */
    public List<ReviewDecision> history() {
        return List.copyOf(history);
    }

    /** The decision {@code undo} would reverse: the latest accepted or rejected one not yet undone. */
    public Optional<ReviewDecision> lastUndoable() {
        return Optional.ofNullable(undoable.peek());
    }

    /** Whether the change with this fingerprint is marked viewed; a mark on an older fingerprint does not count. */
    public boolean viewed(String path, String fingerprint) {
        return viewed.getOrDefault(key(path, fingerprint), false);
    }

    /** Comments not yet sent to the agent, by file then first line. */
    public List<ReviewComment> pendingComments() {
        return comments.values().stream().filter(comment -> PENDING.equals(comment.status()))
                .sorted(Comparator.comparing(ReviewComment::path).thenComparingInt(ReviewComment::startLine))
                .toList();
    }

    /** Every comment on a file, any status, by first line. */
    public List<ReviewComment> comments(String path) {
        return comments.values().stream().filter(comment -> comment.path().equals(path))
                .sorted(Comparator.comparingInt(ReviewComment::startLine)).toList();
    }

    public Optional<ReviewComment> comment(String commentId) {
        return Optional.ofNullable(comments.get(commentId));
    }

    /** Rejections made since the last feedback message and not undone, oldest first. */
    public List<ReviewDecision> unsentRejections() {
        return List.copyOf(unsentRejections);
    }

    private void applyDecision(ReviewDecision decision) {
        history.add(decision);
        if (UNDONE.equals(decision.action())) {
            ReviewDecision reversed = undoable.poll();
            if (reversed != null) {
                decisions.remove(key(reversed.path(), reversed.fingerprint()));
                unsentRejections.remove(reversed);
            }
            return;
        }
        undoable.push(decision);
        decisions.put(key(decision.path(), decision.fingerprint()), decision);
        if (REJECTED.equals(decision.action())) {
            unsentRejections.add(decision);
        }
    }

    private static String key(String path, String fingerprint) {
        return path + '\0' + fingerprint;
    }
}
