package dev.questbench.ui.review;

import dev.questbench.agent.builtin.BuiltinAgent;
import dev.questbench.llm.Cancellation;
import dev.questbench.llm.ProviderConfig;
import dev.questbench.review.ai.CommitMessages;
import dev.questbench.ui.common.DialogService;
import dev.questbench.ui.common.QuestEngine;
import dev.questbench.workspace.actions.Commits;
import dev.questbench.workspace.actions.Staging;
import dev.questbench.workspace.git.GitResult;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Stage All, Discard All and Commit for the review's folder: the commit form (message typed or generated, include
 * unstaged, new branch, push) and push progress as git reports it.
 */
public final class ReviewCommitModel {
    private final ReviewViewModel review;
    private final QuestEngine engine;
    private final DialogService dialogs;
    private final Executor fxExecutor;
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private Function<DialogService, Optional<CommitRequest>> form = service -> service
            .askText("Commit", "Commit message", "").filter(text -> !text.isBlank())
            .map(text -> new CommitRequest(text, null, false, false));

    ReviewCommitModel(ReviewViewModel review, QuestEngine engine, DialogService dialogs, Executor fxExecutor) {
        this.review = review;
        this.engine = engine;
        this.dialogs = dialogs;
        this.fxExecutor = fxExecutor;
    }

    /** What to commit: the message, a branch to switch to first (null: none), push after, stage the rest first. */
    public record CommitRequest(String message, String newBranch, boolean push, boolean includeUnstaged) {
    }

    // ---- properties ----------------------------------------------------------------------------

    /** What the commit or push is doing now ("Pushing… Writing objects: 40%"), or null when idle. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    // ---- commands ------------------------------------------------------------------------------

    public void stageAll() {
        review.withSession(session -> {
            new Staging(session.git(), session.folder()).stageAll();
            return null;
        }, ignored -> review.load(), "Staging failed");
    }

    /** Discards every uncommitted change in the folder, after asking twice. */
    public void discardAll() {
        var folder = review.folder();
        if (folder == null
                || !dialogs.confirm("Discard all changes?", "Every uncommitted change in " + folder
                        + " will be lost.", "Discard")
                || !dialogs.confirm("Really discard everything?", "This cannot be undone.", "Discard all")) {
            return;
        }
        review.withSession(session -> {
            new Staging(session.git(), session.folder()).discardAll();
            return null;
        }, ignored -> review.load(), "Discarding failed");
    }

    /** Asks for a commit with the form the View installed, then commits. */
    public void commit() {
        if (review.folder() != null && !busy.get()) {
            form.apply(dialogs).ifPresent(this::commit);
        }
    }

    /**
     * Stages everything first when asked, switches to a new branch when asked, commits what is staged, then pushes
     * when asked, reporting git's progress lines.
     */
    public void commit(CommitRequest request) {
        busy.set(true);
        progress.set("Committing…");
        review.withSession(session -> {
            Commits commits = new Commits(session.git(), session.folder());
            if (request.includeUnstaged()) {
                new Staging(session.git(), session.folder()).stageAll();
            }
            if (request.newBranch() != null && !request.newBranch().isBlank()) {
                commits.createBranch(request.newBranch().strip(), true);
            }
            String sha = commits.commit(request.message());
            if (request.push()) {
                report("Pushing…");
                commits.push(line -> report("Pushing… " + line.strip()));
            }
            return sha;
        }, sha -> {
            busy.set(false);
            progress.set("Committed " + sha.substring(0, Math.min(7, sha.length()))
                    + (request.push() ? " and pushed." : "."));
            review.load();
        }, "The commit failed", failure -> {
            busy.set(false);
            progress.set(null);
        });
    }

    /** Writes a commit message for what is staged with the built-in agent's model; errors are shown as they are. */
    public void generateMessage(Consumer<String> onMessage) {
        BuiltinAgent agent = engine.agent();
        review.withSession(session -> {
            if (agent == null) {
                throw new IllegalStateException("No model is set up to write commit messages; "
                        + "add a provider in Settings → Models.");
            }
            String staged = new Commits(session.git(), session.folder()).stagedDiff();
            if (staged.isBlank()) {
                throw new IllegalStateException("Nothing is staged: accept changes or Stage All first.");
            }
            ProviderConfig config = agent.provider(null).config();
            return CommitMessages.generate(agent.client(config), config.model(), staged, new Cancellation());
        }, onMessage, "No commit message was generated");
    }

    /** Who the commit will be by ("Ada <ada@example.com>"), or why git cannot tell, to {@code onAuthor}. */
    public void author(Consumer<String> onAuthor) {
        review.withSession(session -> {
            GitResult ident = session.git().run(session.folder(), "var", "GIT_AUTHOR_IDENT");
            if (!ident.ok()) {
                return "No author is set: run git config --global user.name \"Your Name\" and user.email.";
            }
            String text = ident.text().strip();
            int end = text.lastIndexOf('>');
            return end > 0 ? text.substring(0, end + 1) : text;
        }, onAuthor, "The author could not be read");
    }

    /** Shows a progress line unless the commit already ended (a late line must not hide the result). */
    private void report(String line) {
        fxExecutor.execute(() -> {
            if (busy.get()) {
                progress.set(line);
            }
        });
    }

    /** How {@link #commit()} asks: the View installs its dialog; the default asks for a message only. */
    public void setForm(Function<DialogService, Optional<CommitRequest>> newForm) {
        this.form = Objects.requireNonNull(newForm, "form");
    }
}
