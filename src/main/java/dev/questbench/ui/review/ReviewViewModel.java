package dev.questbench.ui.review;

import dev.questbench.agent.builtin.BuiltinAgent;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.review.ReviewSession;
import dev.questbench.review.ReviewState;
import dev.questbench.review.ai.AiReview;
import dev.questbench.review.ai.CommitMessages;
import dev.questbench.review.ai.ReviewReport;
import dev.questbench.llm.Cancellation;
import dev.questbench.llm.ProviderConfig;
import dev.questbench.store.Store;
import dev.questbench.store.Subscription;
import dev.questbench.ui.common.DialogService;
import dev.questbench.ui.common.QuestEngine;
import dev.questbench.ui.common.TaskRunner;
import dev.questbench.workspace.actions.Commits;
import dev.questbench.workspace.actions.Staging;
import dev.questbench.workspace.diff.DiffScope;
import dev.questbench.workspace.diff.FileDiff;
import dev.questbench.workspace.diff.Hunk;
import dev.questbench.workspace.git.Git;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
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
    private final ObjectProperty<FileDiff> selectedFile = new SimpleObjectProperty<>(this, "selectedFile");
    private final ReadOnlyStringWrapper questId = new ReadOnlyStringWrapper(this, "questId");
    private final ReadOnlyStringWrapper emptyMessage = new ReadOnlyStringWrapper(this, "emptyMessage");
    private final ReadOnlyIntegerWrapper pendingComments = new ReadOnlyIntegerWrapper(this, "pendingComments");
    private final ReadOnlyObjectWrapper<List<DiffView.Annotation>> annotations =
            new ReadOnlyObjectWrapper<>(this, "annotations", List.of());
    private final ReadOnlyObjectWrapper<java.util.Set<String>> viewed =
            new ReadOnlyObjectWrapper<>(this, "viewed", java.util.Set.of());
    private final ObservableList<QuestEvent.ReviewFindings.Finding> findings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper reviewStatus = new ReadOnlyStringWrapper(this, "reviewStatus");
    private final javafx.beans.property.ReadOnlyBooleanWrapper reviewing =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "reviewing");
    private List<DiffView.Annotation> commentNotes = List.of();
    private volatile String watched;
    private volatile Git git;
    private boolean visible = true;
    private boolean stale;
    private Function<DialogService, Optional<CommitRequest>> commitForm = service -> service
            .askText("Commit", "Commit message", "").filter(text -> !text.isBlank())
            .map(text -> new CommitRequest(text, null, false));
    private Opened opened;
    private long generation;

    public ReviewViewModel(Store store, QuestEngine engine, TaskRunner tasks, DialogService dialogs,
                           Executor fxExecutor) {
        this.store = store;
        this.engine = engine;
        this.tasks = tasks;
        this.dialogs = dialogs;
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
    }

    // ---- properties ----------------------------------------------------------------------------

    /** Which changes show: the quest's, its last turn's, or all uncommitted. */
    public ObjectProperty<DiffScope> scopeProperty() {
        return scope;
    }

    /** The changed files in the scope (read-only for the View). */
    public ObservableList<FileDiff> files() {
        return FXCollections.unmodifiableObservableList(files);
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

    /** The findings of the latest AI review of this quest, most severe first (read-only for the View). */
    public ObservableList<QuestEvent.ReviewFindings.Finding> findings() {
        return FXCollections.unmodifiableObservableList(findings);
    }

    /** How the AI review went: running, passes that failed ("impact: …"), or why it could not run; null: nothing. */
    public ReadOnlyStringProperty reviewStatusProperty() {
        return reviewStatus.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyBooleanProperty reviewingProperty() {
        return reviewing.getReadOnlyProperty();
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
        showFindings(new QuestEvent.ReviewFindings(null, List.of(), List.of()));
        load();
        if (id != null) {
            tasks.run(() -> latestFindings(id), found -> {
                if (found != null && id.equals(questId.get())) {
                    showFindings(found);
                }
            }, failure -> { });
        }
    }

    /**
     * Runs the AI review (three model passes) over the files in the scope against the quest's prompt, journals the
     * result and shows its findings; a missing model or provider shows why in the review status.
     */
    public void aiReview() {
        String id = questId.get();
        if (id == null || reviewing.get()) {
            return;
        }
        BuiltinAgent agent = engine.agent();
        List<FileDiff> current = List.copyOf(files);
        if (current.isEmpty()) {
            reviewStatus.set("Nothing to review in this scope.");
            return;
        }
        reviewing.set(true);
        reviewStatus.set("Reviewing " + current.size() + " files…");
        tasks.run(() -> {
            if (agent == null) {
                throw new IllegalStateException("No model is set up for AI review; "
                        + "add a provider in Settings → Models.");
            }
            Quest quest = store.quests().get(id).orElseThrow(() -> new IllegalStateException("The quest is gone."));
            ProviderConfig config = agent.provider(quest.options().provider()).config();
            String modelId = quest.model() != null && !quest.model().isBlank() ? quest.model() : config.model();
            ReviewReport report = new AiReview(agent.client(config), modelId, ReviewViewModel::runPass)
                    .review(quest.prompt(), current, new Cancellation());
            return (QuestEvent.ReviewFindings) store.journal().append(id, report.toEvent()).event();
        }, found -> {
            reviewing.set(false);
            if (id.equals(questId.get())) {
                showFindings(found);
            }
        }, failure -> {
            reviewing.set(false);
            if (id.equals(questId.get())) {
                reviewStatus.set("AI review failed: " + message(failure));
            }
        });
    }

    /** Asks the quest's agent to fix one finding. */
    public void fix(QuestEvent.ReviewFindings.Finding finding) {
        String id = questId.get();
        if (id == null) {
            return;
        }
        String text = AiReview.fixMessage(finding);
        tasks.run(() -> {
            engine.executor().send(id, text);
            return null;
        }, ignored -> { }, failure -> dialogs.showError("The fix could not be sent", message(failure)));
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
        if (id == null) {
            apply(asked, new Result(null, List.of(), "Select a quest to review its changes."));
            return;
        }
        Opened current = opened;
        tasks.run(() -> {
            Opened session = current != null && current.questId.equals(id) ? current : open(id);
            synchronized (session.review) {
                return result(session, session.review.load(wanted), null);
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
        }, viewed::set, "The viewed mark could not be saved");
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

    public void stageAll() {
        withSession(session -> {
            new Staging(session.git, session.folder).stageAll();
            return null;
        }, ignored -> load(), "Staging failed");
    }

    /** Discards every uncommitted change in the folder, after asking twice. */
    public void discardAll() {
        if (opened == null
                || !dialogs.confirm("Discard all changes?", "Every uncommitted change in " + opened.folder
                        + " will be lost.", "Discard")
                || !dialogs.confirm("Really discard everything?", "This cannot be undone.", "Discard all")) {
            return;
        }
        withSession(session -> {
            new Staging(session.git, session.folder).discardAll();
            return null;
        }, ignored -> load(), "Discarding failed");
    }

    /** Asks for a commit (message, new branch, push) with the form the View installed, then commits. */
    public void commit() {
        if (opened != null) {
            commitForm.apply(dialogs).ifPresent(this::commit);
        }
    }

    /** Commits what is staged, first switching to a new branch when asked, then pushes when asked. */
    public void commit(CommitRequest request) {
        withSession(session -> {
            Commits commits = new Commits(session.git, session.folder);
            if (request.newBranch() != null && !request.newBranch().isBlank()) {
                commits.createBranch(request.newBranch().strip(), true);
            }
            String sha = commits.commit(request.message());
            if (request.push()) {
                commits.push(line -> { });
            }
            return sha;
        }, ignored -> load(), "The commit failed");
    }

    /** Writes a commit message for what is staged with the built-in agent's model; errors are shown as they are. */
    public void generateMessage(java.util.function.Consumer<String> onMessage) {
        BuiltinAgent agent = engine.agent();
        withSession(session -> {
            if (agent == null) {
                throw new IllegalStateException("No model is set up to write commit messages; "
                        + "add a provider in Settings → Models.");
            }
            String staged = new Commits(session.git, session.folder).stagedDiff();
            if (staged.isBlank()) {
                throw new IllegalStateException("Nothing is staged: accept changes or Stage All first.");
            }
            ProviderConfig config = agent.provider(null).config();
            return CommitMessages.generate(agent.client(config), config.model(), staged, new Cancellation());
        }, onMessage, "No commit message was generated");
    }

    /** How {@link #commit()} asks: the View installs its dialog; the default asks for a message only. */
    public void setCommitForm(Function<DialogService, Optional<CommitRequest>> form) {
        this.commitForm = Objects.requireNonNull(form, "form");
    }

    @Override
    public void close() {
        journal.close();
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** What to commit: the message, a branch to create and switch to first (null: none), and whether to push. */
    public record CommitRequest(String message, String newBranch, boolean push) {
    }

    /** An open review of one quest's folder. */
    private record Opened(String questId, Path folder, Git git, ReviewSession review) {
    }

    private record Result(Opened opened, List<FileDiff> files, String empty, List<DiffView.Annotation> notes,
                          int pending, java.util.Set<String> viewed) {
        Result(Opened opened, List<FileDiff> files, String empty) {
            this(opened, files, empty, List.of(), 0, java.util.Set.of());
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
        for (FileDiff file : loaded) {
            for (QuestEvent.ReviewComment comment : state.comments(file.path())) {
                notes.add(new DiffView.Annotation(comment.path(), comment.side(), comment.endLine(), "comment",
                        comment.text()));
            }
        }
        String none = empty != null ? empty : loaded.isEmpty() ? "No changes in this scope." : null;
        return new Result(session, loaded, none, List.copyOf(notes), state.pendingComments().size(),
                viewedPaths(session.review, loaded));
    }

    /** Each AI review pass on its own daemon thread: the passes block on the network for minutes at most. */
    private static void runPass(Runnable pass) {
        Thread thread = new Thread(pass, "ai-review-pass");
        thread.setDaemon(true);
        thread.start();
    }

    private QuestEvent.ReviewFindings latestFindings(String id) {
        List<JournalEntry> all = store.journal().readByType(id, java.util.Set.of("quest.review_findings"), 0);
        return all.isEmpty() ? null : (QuestEvent.ReviewFindings) all.get(all.size() - 1).event();
    }

    private void showFindings(QuestEvent.ReviewFindings found) {
        findings.setAll(found.findings());
        int count = found.findings().size();
        reviewStatus.set(!found.failures().isEmpty() ? String.join("\n", found.failures())
                : found.source() == null ? null // nothing reviewed yet
                : count == 0 ? "The AI review found nothing." : count == 1 ? "1 finding" : count + " findings");
        publishAnnotations();
    }

    private void publishAnnotations() {
        List<DiffView.Annotation> all = new ArrayList<>(commentNotes);
        for (QuestEvent.ReviewFindings.Finding f : findings) {
            StringBuilder text = new StringBuilder(f.title());
            if (f.evidence() != null && !f.evidence().isBlank()) {
                text.append("\n").append(f.evidence().strip());
            }
            if (f.suggestion() != null && !f.suggestion().isBlank()) {
                text.append("\n→ ").append(f.suggestion().strip());
            }
            all.add(new DiffView.Annotation(f.path(), "new", f.startLine(), "finding-" + f.severity(),
                    text.toString()));
        }
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
        publishAnnotations();
        pendingComments.set(result.pending());
        viewed.set(result.viewed());
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
        withSession(session -> {
            decision.apply(session.review);
            return session.review.reload(file);
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
    private <T> void withSession(SessionWork<T> work, java.util.function.Consumer<? super T> done, String title) {
        Opened session = opened;
        if (session == null) {
            return;
        }
        Callable<T> call = () -> {
            synchronized (session.review) {
                return work.run(session);
            }
        };
        tasks.run(call, done, failure -> dialogs.showError(title, message(failure)));
    }

    @FunctionalInterface
    private interface SessionWork<T> {
        T run(Opened opened) throws Exception;
    }

    private static String message(Throwable failure) {
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }
}
