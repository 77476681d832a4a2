package dev.questbench.review;

import dev.questbench.domain.Ids;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.domain.event.QuestEvent.ReviewComment;
import dev.questbench.domain.event.QuestEvent.ReviewDecision;
import dev.questbench.store.Store;
import dev.questbench.workspace.actions.Staging;
import dev.questbench.workspace.diff.ChangeKind;
import dev.questbench.workspace.diff.DiffScope;
import dev.questbench.workspace.diff.Diffs;
import dev.questbench.workspace.diff.FileDiff;
import dev.questbench.workspace.diff.Hunk;
import dev.questbench.workspace.git.Git;
import dev.questbench.workspace.git.GitException;
import dev.questbench.workspace.git.GitResult;
import dev.questbench.workspace.git.Snapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One quest's review: loads its diff in a scope, accepts (stages) and rejects (discards) files and hunks with undo,
 * keeps viewed marks and line comments, and turns comments and rejections into one feedback message. Every action
 * is journaled as a {@code quest.review_*} event, so {@link #state()} survives a restart.
 *
 * <p>Runs git and writes the journal: call it from a background task, one call at a time (not thread-safe); the
 * {@link #state()} it returns changes with each call, so read it on that same task.
 *
 * <p>Accept in the Current Quest and Last Turn scopes stages the change, which is already in the working tree: a
 * whole file is {@code git add}ed; a single hunk is applied to the index, which works only while the index holds the
 * hunk's lines as they were at the checkpoint (otherwise a clear error asks to accept the whole file or use All
 * Uncommitted). Accepting an already staged All Uncommitted entry changes nothing but is journaled.
 * Known limit: Accept needs a git repository; a plain folder (shadow checkpoints) can only be rejected.
 */
public final class ReviewSession {
    private final Store store;
    private final Git git;
    private final String questId;
    private final Path folder;
    private final Path shadowRoot;
    private final QuestHistory history;
    private ReviewState state;
    private Staging staging;
    private Path top;
    private Snapshot.Location location;
    private DiffScope scope;
    private String fromCommit;

    public ReviewSession(Store store, Git git, String questId, Path folder, Path shadowRoot) {
        this.store = store;
        this.git = git;
        this.questId = questId;
        this.folder = folder.toAbsolutePath().normalize();
        this.shadowRoot = shadowRoot;
        this.history = new QuestHistory(store.journal(), questId);
        this.state = ReviewState.of(history.reviewEvents());
    }

    /** What the reviewer has done so far in this quest. */
    public ReviewState state() {
        return state;
    }

    /** The scope of the last {@link #load}, or null before it. */
    public DiffScope scope() {
        return scope;
    }

    /** Re-reads the review events from the journal (after another writer added some). */
    public void refresh() {
        state = ReviewState.of(history.reviewEvents());
    }

    // ---- diff ----------------------------------------------------------------------------------

    /**
     * The changed files in a scope, with {@link FileDiff#external()} marking files changed since the last checkpoint
     * by something other than this quest; the later decisions apply to this scope.
     *
     * @throws IllegalStateException when a quest scope is asked of a quest that has no checkpoint yet
     */
    public List<FileDiff> load(DiffScope scope) {
        List<JournalEntry> checkpoints = history.checkpoints();
        String from = null;
        if (scope != DiffScope.ALL_UNCOMMITTED) {
            if (checkpoints.isEmpty()) {
                throw new IllegalStateException("This quest has not run a turn yet, so it has no changes of its own; "
                        + "pick All Uncommitted to see the workspace's changes.");
            }
            from = QuestHistory.commit(scope == DiffScope.CURRENT_QUEST ? checkpoints.get(0)
                    : checkpoints.get(checkpoints.size() - 1));
        }
        Diffs diffs = new Diffs(git);
        List<FileDiff> files;
        if (checkpoints.isEmpty()) {
            files = diffs.diff(folder, scope, null, shadowRoot);
        } else {
            JournalEntry last = checkpoints.get(checkpoints.size() - 1);
            files = diffs.diff(folder, scope, from, shadowRoot, QuestHistory.commit(last), history.touchedAfter(last));
        }
        this.scope = scope;
        this.fromCommit = from;
        return files;
    }

    /**
     * The loaded scope's entries for one file (both paths of a rename) read again, after a decision changed it:
     * much cheaper than {@link #load}. They keep the file's external mark; empty when the file no longer differs.
     */
    public List<FileDiff> reload(FileDiff file) {
        requireLoaded();
        List<String> paths = paths(file);
        List<FileDiff> files;
        if (scope == DiffScope.ALL_UNCOMMITTED) {
            files = new FileReload(git).uncommitted(top(), paths);
            if (files == null) {
                files = load(scope).stream().filter(each -> paths.contains(each.path())).toList();
            }
        } else {
            if (location == null) {
                location = new Snapshot(git).locate(folder, shadowRoot);
            }
            files = new FileReload(git).sinceCheckpoint(location, fromCommit, paths);
        }
        return files.stream().map(each -> each.external() == file.external() ? each
                : each.withExternal(file.external())).toList();
    }

    /**
     * The part of {@code files} not yet reviewed: files whose change is not marked viewed, keeping only their hunks
     * not marked viewed. A mark holds for one fingerprint, so what the agent changed since shows up again.
     */
    public List<FileDiff> changesSinceLastReview(List<FileDiff> files) {
        return UnreviewedChanges.of(files, this::isViewed);
    }

    /**
     * A file's text at the start of the loaded scope (the checkpoint, or HEAD for All Uncommitted), for reviewers
     * that want whole files; null when it did not exist there.
     */
    public String contentBefore(String path) {
        requireLoaded();
        GitResult shown;
        if (scope == DiffScope.ALL_UNCOMMITTED) {
            shown = git.run(top(), List.of("show", "HEAD:" + path), Map.of(), null, Git.DEFAULT_TIMEOUT);
        } else {
            if (location == null) {
                location = new Snapshot(git).locate(folder, shadowRoot);
            }
            shown = git.run(location.workTree(), List.of("show", fromCommit + ":" + path), location.env(), null,
                    Git.DEFAULT_TIMEOUT);
        }
        return shown.ok() ? shown.text() : null;
    }

    /** A file's text in the working tree now, or null when it is gone or not a regular file. */
    public String contentAfter(String path) {
        Path file = top().resolve(path).normalize();
        if (!file.startsWith(top()) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null; // unreadable or not text: the reviewer sees it as absent
        }
    }

    // ---- decisions -----------------------------------------------------------------------------

    /** Accepts a file ({@code hunk} null) or one hunk: stages it, journals {@code accepted}. */
    public ReviewDecision accept(FileDiff file, Hunk hunk) {
        requireLoaded();
        UndoRecord before = UndoRecord.take(git, top(), paths(file), false);
        if (!Boolean.TRUE.equals(file.staged())) {
            if (hunk == null) {
                staging().stageFile(file);
            } else if (scope == DiffScope.ALL_UNCOMMITTED) {
                staging().stageHunk(file, hunk);
            } else {
                stageQuestHunk(file, hunk);
            }
        }
        return decide(file, hunk, ReviewState.ACCEPTED, null, before);
    }

    /**
     * Rejects a file ({@code hunk} null) or one hunk: takes it out of the working tree (in the quest scopes, back to
     * the scope's checkpoint), journals {@code rejected} with the reason, which the next feedback message carries.
     */
    public ReviewDecision reject(FileDiff file, Hunk hunk, String reason) {
        requireLoaded();
        UndoRecord before = UndoRecord.take(git, top(), paths(file), true);
        if (scope == DiffScope.ALL_UNCOMMITTED) {
            if (hunk == null) {
                staging().discardFile(file);
            } else {
                staging().discardHunk(file, hunk);
            }
        } else if (hunk == null) {
            staging().discardFile(file, fromCommit);
        } else {
            staging().discardHunk(file, hunk);
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        return decide(file, hunk, ReviewState.REJECTED, why, before);
    }

    /**
     * Reverses the last accepted or rejected decision not yet undone — the rejected change comes back, the accepted
     * one leaves the index — and journals {@code undone}.
     *
     * @return the decision undone, or empty when there is none
     * @throws IllegalStateException when that decision was journaled without its earlier state (older versions)
     */
    public Optional<ReviewDecision> undoLast() {
        Optional<ReviewDecision> last = state.lastUndoable();
        if (last.isEmpty()) {
            return last;
        }
        ReviewDecision decision = last.get();
        if (decision.undo() == null) {
            throw new IllegalStateException("The last decision on " + decision.path() + " was made by an older "
                    + "Questbench that did not keep the files as they were before it, so it cannot be undone. Edit "
                    + "the file yourself or ask the agent.");
        }
        UndoRecord.load(store.blobs(), decision.undo()).restore(git);
        append(new ReviewDecision(decision.path(), decision.hunk(), decision.fingerprint(), ReviewState.UNDONE,
                null));
        return last;
    }

    // ---- viewed marks --------------------------------------------------------------------------

    /** Marks a hunk, or a file with all its hunks ({@code hunk} null), viewed or not viewed. */
    public void markViewed(FileDiff file, Hunk hunk, boolean viewed) {
        List<QuestEvent> marks = new ArrayList<>();
        marks.add(new QuestEvent.ReviewViewed(file.path(), hunk == null ? null : hunk.header(),
                Fingerprints.ofFileOrHunk(file, hunk), viewed));
        if (hunk == null) {
            for (Hunk each : file.hunks()) {
                marks.add(new QuestEvent.ReviewViewed(file.path(), each.header(), Fingerprints.of(file, each), viewed));
            }
        }
        appendAll(marks);
    }

    /** Whether a hunk, or the whole file ({@code hunk} null), is marked viewed as it is now. */
    public boolean isViewed(FileDiff file, Hunk hunk) {
        return state.viewed(file.path(), Fingerprints.ofFileOrHunk(file, hunk));
    }

    // ---- comments and feedback -----------------------------------------------------------------

    /**
     * Adds a pending comment on lines {@code startLine..endLine} of one side ({@code old} or {@code new}) of a file;
     * {@code quote} is the code the lines hold.
     */
    public ReviewComment addComment(String path, String side, int startLine, int endLine, String quote, String text) {
        if (!"old".equals(side) && !"new".equals(side)) {
            throw new IllegalArgumentException("A comment is on the old or the new side, not " + side + ".");
        }
        if (startLine < 1 || endLine < startLine) {
            throw new IllegalArgumentException("Lines " + startLine + "-" + endLine + " are not a range of lines.");
        }
        requireText(text);
        ReviewComment comment = new ReviewComment("cmt_" + Ids.ulid(), Objects.requireNonNull(path, "path"), side,
                startLine, endLine, quote, text.strip(), ReviewState.PENDING);
        append(comment);
        return comment;
    }

    /** Changes a comment's text; its status stays. */
    public ReviewComment editComment(String commentId, String text) {
        requireText(text);
        ReviewComment old = existing(commentId);
        return update(old, text.strip(), old.status());
    }

    public void deleteComment(String commentId) {
        ReviewComment old = existing(commentId);
        update(old, null, old.status());
    }

    /** Marks a comment resolved: it stays visible but is no longer sent. */
    public ReviewComment resolveComment(String commentId) {
        ReviewComment old = existing(commentId);
        return update(old, old.text(), ReviewState.RESOLVED);
    }

    /** The feedback message of all pending comments and unsent rejections, or "" when there is nothing to send. */
    public String feedbackMessage() {
        return FeedbackMessage.format(state.pendingComments(), state.unsentRejections());
    }

    /**
     * Sends the feedback message to the agent through {@code send} (the UI passes
     * {@code text -> executor.send(questId, text)}), then journals {@code quest.review_feedback} and marks the
     * comments sent. Sending first keeps the comments pending if sending fails, so the reviewer can retry.
     *
     * @return false when there was nothing to send
     */
    public boolean sendFeedback(Consumer<String> send) {
        List<ReviewComment> pending = state.pendingComments();
        String message = FeedbackMessage.format(pending, state.unsentRejections());
        if (message.isEmpty()) {
            return false;
        }
        send.accept(message);
        List<QuestEvent.ReviewFeedback.LineComment> lines = pending.stream().map(comment ->
                new QuestEvent.ReviewFeedback.LineComment(comment.path(), comment.startLine(), comment.side(),
                        comment.text())).toList();
        List<QuestEvent> events = new ArrayList<>();
        events.add(new QuestEvent.ReviewFeedback(message, lines));
        for (ReviewComment comment : pending) {
            events.add(new ReviewComment(comment.commentId(), comment.path(), comment.side(), comment.startLine(),
                    comment.endLine(), comment.quote(), comment.text(), ReviewState.SENT));
        }
        appendAll(events);
        return true;
    }

    // ---- helpers -------------------------------------------------------------------------------

    private ReviewDecision decide(FileDiff file, Hunk hunk, String action, String reason, UndoRecord before) {
        ReviewDecision decision = new ReviewDecision(file.path(), hunk == null ? null : hunk.header(),
                Fingerprints.ofFileOrHunk(file, hunk), action, reason, before.save(store.blobs()));
        append(decision);
        return decision;
    }

    /** The quest diff's hunk applies to the index only while the index still holds its lines as at the checkpoint. */
    private void stageQuestHunk(FileDiff file, Hunk hunk) {
        try {
            staging().stageHunk(file, hunk);
        } catch (GitException e) {
            throw new GitException("The staged copy of " + file.path() + " differs from the quest's checkpoint, so "
                    + "this hunk cannot be staged on its own. Accept the whole file, or switch to All Uncommitted "
                    + "to stage hunks.", e.exitCode(), e.stderr());
        }
    }

    private ReviewComment update(ReviewComment old, String text, String status) {
        ReviewComment updated = new ReviewComment(old.commentId(), old.path(), old.side(), old.startLine(),
                old.endLine(), old.quote(), text, status);
        append(updated);
        return updated;
    }

    private ReviewComment existing(String commentId) {
        return state.comment(commentId).orElseThrow(() -> new IllegalArgumentException("There is no comment "
                + commentId + " in this quest's review (it may have been deleted)."));
    }

    private static void requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Write something in the comment before adding it.");
        }
    }

    private void append(QuestEvent event) {
        store.journal().append(questId, event);
        state.apply(event);
    }

    private void appendAll(List<QuestEvent> events) {
        store.journal().appendAll(questId, events);
        events.forEach(state::apply);
    }

    private void requireLoaded() {
        if (scope == null) {
            throw new IllegalStateException("Load the review's diff before accepting or rejecting changes.");
        }
    }

    private Staging staging() {
        if (staging == null) {
            staging = new Staging(git, folder);
        }
        return staging;
    }

    /** The folder diff paths are relative to: the repository's top, or the folder itself when it is not one. */
    private Path top() {
        if (top == null) {
            GitResult result = git.run(folder, "rev-parse", "--show-toplevel");
            top = result.ok() ? Path.of(result.text().strip()).toAbsolutePath().normalize() : folder;
        }
        return top;
    }

    private static List<String> paths(FileDiff file) {
        Set<String> paths = new LinkedHashSet<>();
        if (file.oldPath() != null && file.kind() != ChangeKind.COPIED) {
            paths.add(file.oldPath());
        }
        if (file.newPath() != null) {
            paths.add(file.newPath());
        }
        return List.copyOf(paths);
    }
}
