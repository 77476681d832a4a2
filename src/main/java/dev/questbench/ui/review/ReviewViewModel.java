package dev.questbench.ui.review;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.review.ReviewSession;
import dev.questbench.review.ReviewState;
import dev.questbench.store.Store;
import dev.questbench.store.Subscription;
import dev.questbench.ui.common.DialogService;
import dev.questbench.ui.common.QuestEngine;
import dev.questbench.ui.common.TaskRunner;
import dev.questbench.workspace.diff.DiffScope;
import dev.questbench.workspace.diff.FileDiff;
import dev.questbench.workspace.diff.Hunk;
import dev.questbench.workspace.git.Git;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected quest's review: its changed files in a scope, accept and reject per file and hunk with undo, viewed
 * marks, line comments sent to the agent as feedback, and Stage All, Discard All and Commit. All git work runs on the
 * task runner, one session call at a time; results carry a generation number so a stale load is dropped.
 */
public final class ReviewViewModel implements AutoCloseable {
    private final Store store;
    private final QuestEngine engine;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Subscription journal;
    private final ObjectProperty<DiffScope> scope = new SimpleObjectProperty<>(this, "scope", DiffScope.CURRENT_QUEST);
    private final ObservableList<FileDiff> files = FXCollections.observableArrayList();
    /** One read-only view for all callers: a fresh wrapper per call would drop its listeners when collected. */
    private final ObservableList<FileDiff> filesView = FXCollections.unmodifiableObservableList(files);
    private final ObjectProperty<FileDiff> selectedFile = new SimpleObjectProperty<>(this, "selectedFile");
    private final ReadOnlyStringWrapper questId = new ReadOnlyStringWrapper(this, "questId");
    private final ReadOnlyStringWrapper emptyMessage = new ReadOnlyStringWrapper(this, "emptyMessage");
    private final ReadOnlyIntegerWrapper pendingComments = new ReadOnlyIntegerWrapper(this, "pendingComments");
    private final ReadOnlyObjectWrapper<List<DiffView.Annotation>> annotations =
            new ReadOnlyObjectWrapper<>(this, "annotations", List.of());
    private final ReadOnlyObjectWrapper<java.util.Set<String>> viewed =
            new ReadOnlyObjectWrapper<>(this, "viewed", java.util.Set.of());
    private final ReviewFindingsModel findings;
    private final ReviewCommitModel commits;
    private final BooleanProperty sinceLastReview = new SimpleBooleanProperty(this, "sinceLastReview");
    private final BooleanProperty fullWindow = new SimpleBooleanProperty(this, "fullWindow");
    private boolean reviewAfterLoad;
    private final ObservableList<QuestEvent.ReviewComment> comments = FXCollections.observableArrayList();
    /** One read-only view for all callers: a fresh wrapper per call would drop its listeners when collected. */
    private final ObservableList<QuestEvent.ReviewComment> commentsView = FXCollections.unmodifiableObservableList(comments);
    private List<DiffView.Annotation> commentNotes = List.of();
    private volatile String watched;
    private volatile Git git;
    private boolean visible = true;
    private boolean stale;
    private Opened opened;
    private long generation;

    public ReviewViewModel(Store store, QuestEngine engine, TaskRunner tasks, DialogService dialogs,
                           Executor fxExecutor) {
        this.store = store;
        this.engine = engine;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.findings = new ReviewFindingsModel(store, engine, tasks, dialogs, this::publishAnnotations);
        this.commits = new ReviewCommitModel(this, engine, dialogs, fxExecutor);
        this.journal = store.journal().subscribe(batch -> {
            for (JournalEntry entry : batch) {
                if (entry.event() instanceof QuestEvent.SessionStatusIdle && entry.questId().equals(watched)) {
                    String id = entry.questId();
                    fxExecutor.execute(() -> {
                        if (id.equals(questId.get())) {
                            load(); // a turn ended: its changes are new
                        }
                    });
                    return;
                }
            }
        });
        scope.addListener((observable, before, after) -> load());
        sinceLastReview.addListener((observable, before, after) -> load());
    }

    // ---- properties ----------------------------------------------------------------------------

    /** Which changes show: the quest's, its last turn's, or all uncommitted. */
    public ObjectProperty<DiffScope> scopeProperty() {
        return scope;
    }

    /** The changed files in the scope (read-only for the View). */
    public ObservableList<FileDiff> files() {
        return filesView;
    }

    /** The file the diff shows, or null for all files. */
    public ObjectProperty<FileDiff> selectedFileProperty() {
        return selectedFile;
    }

    public ReadOnlyStringProperty questIdProperty() {
        return questId.getReadOnlyProperty();
    }

    /** Why there is nothing to review (no folder, no git, no turn yet), or null while files show. */
    public ReadOnlyStringProperty emptyMessageProperty() {
        return emptyMessage.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pendingCommentsProperty() {
        return pendingComments.getReadOnlyProperty();
    }

    /** Comments as gutter markers for the diff. */
    public ReadOnlyObjectProperty<List<DiffView.Annotation>> annotationsProperty() {
        return annotations.getReadOnlyProperty();
    }

    /** Paths of the files marked viewed as they are now. */
    public ReadOnlyObjectProperty<java.util.Set<String>> viewedProperty() {
        return viewed.getReadOnlyProperty();
    }

    /** The AI and external reviews' findings for this quest. */
    public ReviewFindingsModel findings() {
        return findings;
    }

    /** Stage All, Discard All and Commit. */
    public ReviewCommitModel commits() {
        return commits;
    }

    /** Whether only what changed since the reviewer last marked it viewed shows (files and hunks). */
    public BooleanProperty sinceLastReviewProperty() {
        return sinceLastReview;
    }

    /** Whether the review fills the whole window instead of the function area. */
    public BooleanProperty fullWindowProperty() {
        return fullWindow;
    }

    /** Every comment on the files in the scope, any status, by file and line (read-only for the View). */
    public ObservableList<QuestEvent.ReviewComment> comments() {
        return commentsView;
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Shows this quest's changes (null: none). */
    public void show(String id) {
        if (Objects.equals(id, questId.get())) {
            return;
        }
        questId.set(id);
        watched = id;
        opened = null;
        findings.show(id);
        load();
    }

    /** Runs the AI review (three model passes) over the files in the scope. */
    public void aiReview() {
        findings.aiReview(List.copyOf(files));
    }

    /** Runs the AI review once the files are loaded again (the composer's {@code /review}). */
    public void aiReviewAfterLoad() {
        reviewAfterLoad = true;
        load();
    }

    /** Sends the files in the scope to the external reviewer set in Settings → Review. */
    public void externalReview() {
        Opened session = opened;
        if (session != null) {
            findings.externalReview(List.copyOf(files), session.review);
        }
    }

    /**
     * Whether the panel is on screen. Loading snapshots the quest's folder with git, so while the Review tab is
     * hidden a load is only remembered and runs when the tab shows (true until the window says otherwise).
     */
    public void setVisible(boolean nowVisible) {
        visible = nowVisible;
        if (visible && stale) {
            load();
        }
    }

    /** Loads the files again in the current scope (later, when the panel is hidden). */
    public void load() {
        if (!visible) {
            stale = true;
            return;
        }
        stale = false;
        long asked = ++generation;
        String id = questId.get();
        DiffScope wanted = scope.get();
        boolean since = sinceLastReview.get();
        if (id == null) {
            apply(asked, new Result(null, List.of(), "Select a quest to review its changes."));
            return;
        }
        Opened current = opened;
        tasks.run(() -> {
            Opened session = current != null && current.questId.equals(id) ? current : open(id);
            synchronized (session.review) {
                List<FileDiff> loaded = session.review.load(wanted);
                if (since) {
                    List<FileDiff> unseen = session.review.changesSinceLastReview(loaded);
                    return result(session, unseen, loaded.isEmpty() || !unseen.isEmpty() ? null
                            : "Nothing changed since your last review: every change here is marked viewed.");
                }
                return result(session, loaded, null);
            }
        }, result -> apply(asked, result),
                failure -> apply(asked, new Result(null, List.of(), message(failure))));
    }

    public void acceptHunk(DiffView.HunkRef ref) {
        decide(ref.file(), session -> session.accept(ref.file(), ref.hunk()));
    }

    public void rejectHunk(DiffView.HunkRef ref) {
        decide(ref.file(), session -> session.reject(ref.file(), ref.hunk(), null));
    }

    /** Asks why, then rejects the hunk; the reason goes to the agent with the next feedback. */
    public void rejectHunkWithReason(DiffView.HunkRef ref) {
        dialogs.askText("Reject with a reason", "Why should " + ref.file().path() + " not change like this? "
                + "The agent gets this with your next feedback.", "")
                .ifPresent(reason -> decide(ref.file(), session -> session.reject(ref.file(), ref.hunk(), reason)));
    }

    /** Accepts the selected file as a whole. */
    public void acceptFile() {
        FileDiff file = selectedFile.get();
        if (file != null) {
            decide(file, session -> session.accept(file, null));
        }
    }

    /** Rejects the selected file as a whole. */
    public void rejectFile() {
        FileDiff file = selectedFile.get();
        if (file != null) {
            decide(file, session -> session.reject(file, null, null));
        }
    }

    /** Undoes the last accept or reject, then reloads everything. */
    public void undoLast() {
        withSession(session -> {
            session.review.undoLast();
            return null;
        }, ignored -> load(), "Nothing could be undone");
    }

    /** Marks a file viewed, or not viewed when it already is. */
    public void toggleViewed(FileDiff file) {
        boolean now = !viewed.get().contains(file.path());
        withSession(session -> {
            session.review.markViewed(file, null, now);
            return viewedPaths(session.review, List.copyOf(files));
        }, this::viewedChanged, "The viewed mark could not be saved");
    }

    /** Marks one hunk viewed, or not viewed when it already is; with "since last review" on, it then hides. */
    public void toggleHunkViewed(DiffView.HunkRef ref) {
        withSession(session -> {
            session.review.markViewed(ref.file(), ref.hunk(), !session.review.isViewed(ref.file(), ref.hunk()));
            return viewedPaths(session.review, List.copyOf(files));
        }, this::viewedChanged, "The viewed mark could not be saved");
    }

    /** Marks a comment resolved: it stays in the diff but is not sent. */
    public void resolveComment(QuestEvent.ReviewComment comment) {
        withSession(session -> session.review.resolveComment(comment.commentId()), this::applyState,
                "The comment could not be resolved");
    }

    public void deleteComment(QuestEvent.ReviewComment comment) {
        withSession(session -> {
            session.review.deleteComment(comment.commentId());
            return null;
        }, this::applyState, "The comment could not be deleted");
    }

    /** Asks for a comment on the selected lines and adds it as pending. */
    public void addComment(DiffView.LineSelection lines) {
        dialogs.askText("Comment", "Comment on " + lines.file().path() + " lines " + lines.startLine() + "–"
                + lines.endLine(), "").filter(text -> !text.isBlank()).ifPresent(text -> addComment(lines, text));
    }

    /** Adds a pending comment with this text. */
    public void addComment(DiffView.LineSelection lines, String text) {
        withSession(session -> {
            session.review.addComment(lines.file().path(), lines.side(), lines.startLine(), lines.endLine(), lines.quote(),
                    text);
            return session;
        }, this::applyState, "The comment could not be added");
    }

    /** Sends the pending comments and rejections to the agent as one message. */
    public void sendFeedback() {
        String id = questId.get();
        withSession(session -> {
            session.review.sendFeedback(text -> engine.executor().send(id, text));
            return session;
        }, this::applyState, "The feedback could not be sent");
    }

    @Override
    public void close() {
        findings.cancel();
        journal.close();
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** An open review of one quest's folder. */
    record Opened(String questId, Path folder, Git git, ReviewSession review) {
    }

    private record Result(Opened opened, List<FileDiff> files, String empty, List<DiffView.Annotation> notes,
                          List<QuestEvent.ReviewComment> comments, int pending, java.util.Set<String> viewed) {
        Result(Opened opened, List<FileDiff> files, String empty) {
            this(opened, files, empty, List.of(), List.of(), 0, java.util.Set.of());
        }
    }

    /** Finds the quest's folder and git; throws with a message for the empty state. */
    private Opened open(String id) {
        Quest quest = store.quests().get(id).orElseThrow(() -> new IllegalStateException("The quest is gone."));
        Path folder = null;
        if (quest.environment() == QuestEnvironment.WORKTREE && engine.workspaces() != null) {
            folder = engine.workspaces().worktrees().worktreeOf(id).map(info -> info.path()).orElse(null);
        }
        if (folder == null && quest.workspaceId() != null) {
            folder = store.workspaces().get(quest.workspaceId()).map(ws -> Path.of(ws.path())).orElse(null);
        }
        if (folder == null) {
            throw new IllegalStateException("This quest has no folder, so there are no changes to review.");
        }
        Git found = git;
        if (found == null) {
            found = Git.locate(System.getenv()); // its message is the empty state when git is missing
            git = found;
        }
        return new Opened(id, folder, found, new ReviewSession(store, found, id, folder,
                store.dataDir().resolve("checkpoints")));
    }

    private Result result(Opened session, List<FileDiff> loaded, String empty) {
        ReviewState state = session.review.state();
        List<DiffView.Annotation> notes = new ArrayList<>();
        List<QuestEvent.ReviewComment> all = new ArrayList<>();
        for (FileDiff file : loaded) {
            for (QuestEvent.ReviewComment comment : state.comments(file.path())) {
                all.add(comment);
                notes.add(new DiffView.Annotation(comment.path(), comment.side(), comment.endLine(),
                        "comment-" + comment.status(), comment.text()));
            }
        }
        String none = empty != null ? empty : loaded.isEmpty() ? "No changes in this scope." : null;
        return new Result(session, loaded, none, List.copyOf(notes), List.copyOf(all), state.pendingComments().size(),
                viewedPaths(session.review, loaded));
    }

    private void publishAnnotations() {
        List<DiffView.Annotation> all = new ArrayList<>(commentNotes);
        all.addAll(findings.annotations());
        annotations.set(List.copyOf(all));
    }

    private static java.util.Set<String> viewedPaths(ReviewSession session, List<FileDiff> loaded) {
        java.util.Set<String> paths = new java.util.HashSet<>();
        for (FileDiff file : loaded) {
            if (session.isViewed(file, null)) {
                paths.add(file.path());
            }
        }
        return java.util.Set.copyOf(paths);
    }

    private void apply(long asked, Result result) {
        if (asked != generation) {
            return; // a newer load is on its way
        }
        opened = result.opened();
        FileDiff before = selectedFile.get();
        files.setAll(result.files());
        selectedFile.set(before == null ? null : files.stream().filter(f -> f.path().equals(before.path()))
                .findFirst().orElse(null));
        emptyMessage.set(result.empty());
        commentNotes = result.notes();
        comments.setAll(result.comments());
        publishAnnotations();
        if (reviewAfterLoad) {
            reviewAfterLoad = false;
            aiReview();
        }
        pendingComments.set(result.pending());
        viewed.set(result.viewed());
    }

    /** New viewed marks; with "since last review" on, what was just seen leaves the list. */
    private void viewedChanged(java.util.Set<String> paths) {
        viewed.set(paths);
        if (sinceLastReview.get()) {
            load();
        }
    }

    private void applyState(Object ignored) {
        Opened session = opened;
        if (session == null) {
            return;
        }
        long asked = generation;
        List<FileDiff> shown = List.copyOf(files);
        tasks.run(() -> {
            synchronized (session.review) {
                return result(session, shown, null);
            }
        }, result -> apply(asked, result), failure -> { });
    }

    /** Accepts or rejects, then reads only that file again and replaces its entries in the list. */
    private void decide(FileDiff file, Function<ReviewSession, Object> decision) {
        boolean since = sinceLastReview.get();
        withSession(session -> {
            decision.apply(session.review);
            List<FileDiff> reloaded = session.review.reload(file);
            return since ? session.review.changesSinceLastReview(reloaded) : reloaded;
        }, reloaded -> {
            int at = files.indexOf(file);
            List<String> paths = new ArrayList<>();
            paths.add(file.path());
            if (file.oldPath() != null) {
                paths.add(file.oldPath());
            }
            files.removeIf(each -> paths.contains(each.path()));
            files.addAll(Math.max(0, Math.min(at, files.size())), reloaded);
            if (selectedFile.get() != null && paths.contains(selectedFile.get().path())) {
                selectedFile.set(reloaded.isEmpty() ? null : reloaded.get(0));
            }
            if (files.isEmpty()) {
                emptyMessage.set("No changes in this scope.");
            }
            applyState(null);
        }, "The decision could not be applied");
    }

    /** Runs one call on the open session in the background; errors are shown as they are. */
    <T> void withSession(SessionWork<T> work, java.util.function.Consumer<? super T> done, String title) {
        withSession(work, done, title, failure -> { });
    }

    /** As above, also telling {@code failed} after the error shows. */
    <T> void withSession(SessionWork<T> work, java.util.function.Consumer<? super T> done, String title,
                         java.util.function.Consumer<Throwable> failed) {
        Opened session = opened;
        if (session == null) {
            return;
        }
        Callable<T> call = () -> {
            synchronized (session.review) {
                return work.run(session);
            }
        };
        tasks.run(call, done, failure -> {
            dialogs.showError(title, message(failure));
            failed.accept(failure);
        });
    }

    /** The folder under review, or null before a load found one. */
    Path folder() {
        Opened session = opened;
        return session == null ? null : session.folder();
    }

    @FunctionalInterface
    interface SessionWork<T> {
        T run(Opened opened) throws Exception;
    }

    static String message(Throwable failure) {
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }
}
