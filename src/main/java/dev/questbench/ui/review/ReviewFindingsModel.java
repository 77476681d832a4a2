package dev.questbench.ui.review;

import dev.questbench.agent.builtin.BuiltinAgent;
import dev.questbench.domain.Quest;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.domain.event.QuestEvent.ReviewFindings.Finding;
import dev.questbench.llm.Cancellation;
import dev.questbench.llm.ProviderConfig;
import dev.questbench.review.ReviewSession;
import dev.questbench.review.ai.AiReview;
import dev.questbench.review.ai.ReviewReport;
import dev.questbench.review.external.ExternalReviewSettings;
import dev.questbench.review.external.QodoMergeClient;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DialogService;
import dev.questbench.ui.common.QuestEngine;
import dev.questbench.ui.common.TaskRunner;
import dev.questbench.workspace.diff.FileDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The review's findings: the AI review (three model passes) and the external Qodo Merge reviewer, each journaled as
 * {@code quest.review_findings}, the latest shown; a running review can be cancelled; Fix sends one to the agent.
 */
public final class ReviewFindingsModel {
    private final Store store;
    private final QuestEngine engine;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Runnable changed;
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    /** One read-only view for all callers: a fresh wrapper per call would drop its listeners when collected. */
    private final ObservableList<Finding> findingsView = FXCollections.unmodifiableObservableList(findings);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");
    private final ReadOnlyBooleanWrapper reviewing = new ReadOnlyBooleanWrapper(this, "reviewing");
    private String questId;
    private Cancellation running;
    private long generation;

    /** {@code changed} runs on the FX thread whenever the findings shown change (for the gutter). */
    ReviewFindingsModel(Store store, QuestEngine engine, TaskRunner tasks, DialogService dialogs, Runnable changed) {
        this.store = store;
        this.engine = engine;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.changed = changed;
    }

    // ---- properties ----------------------------------------------------------------------------

    /** The findings of the latest review of this quest, most severe first (read-only for the View). */
    public ObservableList<Finding> findings() {
        return findingsView;
    }

    /** How the review went: running, passes that failed ("impact: …"), or why it could not run; null: nothing. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty reviewingProperty() {
        return reviewing.getReadOnlyProperty();
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Shows the latest journaled findings of this quest (null: none), cancelling a review of another quest. */
    void show(String id) {
        cancel();
        questId = id;
        long asked = ++generation;
        apply(new QuestEvent.ReviewFindings(null, List.of(), List.of()));
        if (id != null) {
            tasks.run(() -> latest(id), found -> {
                if (found != null && asked == generation) {
                    apply(found);
                }
            }, failure -> { });
        }
    }

    /** Runs the three AI passes over {@code files} against the quest's prompt with the quest's model. */
    void aiReview(List<FileDiff> files) {
        BuiltinAgent agent = engine.agent();
        start(files, "Reviewing " + files.size() + (files.size() == 1 ? " file…" : " files…"), (id, cancel) -> {
            if (agent == null) {
                throw new IllegalStateException("No model is set up for AI review; add a provider in Settings → "
                        + "Models.");
            }
            Quest quest = store.quests().get(id).orElseThrow(() -> new IllegalStateException("The quest is gone."));
            ProviderConfig config = agent.provider(quest.options().provider()).config();
            String model = quest.model() != null && !quest.model().isBlank() ? quest.model() : config.model();
            ReviewReport report = new AiReview(agent.client(config), model, ReviewFindingsModel::runPass)
                    .review(quest.prompt(), files, cancel);
            return report.toEvent();
        });
    }

    /**
     * Sends the files' before and after contents to the Qodo Merge server set in Settings → Review; without one
     * the status says what to set.
     */
    void externalReview(List<FileDiff> files, ReviewSession session) {
        var client = ExternalReviewSettings.client(store.settings(), store.secrets());
        if (client.isEmpty()) {
            status.set("No external reviewer is set up: add the Qodo Merge URL and API key in Settings → Review.");
            return;
        }
        QodoMergeClient merge = client.get();
        start(files, "Qodo Merge is reviewing " + files.size() + (files.size() == 1 ? " file…" : " files…"),
                (id, cancel) -> {
                    List<Finding> found;
                    synchronized (session) {
                        found = merge.review(files, session::contentBefore, session::contentAfter);
                    }
                    return new QuestEvent.ReviewFindings("external", found, List.of());
                });
    }

    /** Stops the running review; what it finds later is dropped. */
    public void cancel() {
        if (running != null) {
            running.cancel();
            running = null;
            generation++;
            reviewing.set(false);
            status.set("Review cancelled.");
        }
    }

    /** Asks the quest's agent to fix one finding. */
    public void fix(Finding finding) {
        String id = questId;
        if (id == null) {
            return;
        }
        String text = AiReview.fixMessage(finding);
        tasks.run(() -> {
            engine.executor().send(id, text);
            return null;
        }, ignored -> { }, failure -> dialogs.showError("The fix could not be sent", ReviewViewModel.message(failure)));
    }

    // ---- helpers -------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Review {
        QuestEvent.ReviewFindings run(String questId, Cancellation cancel) throws Exception;
    }

    private void start(List<FileDiff> files, String message, Review review) {
        String id = questId;
        if (id == null || reviewing.get()) {
            return;
        }
        if (files.isEmpty()) {
            status.set("Nothing to review in this scope.");
            return;
        }
        Cancellation cancel = new Cancellation();
        running = cancel;
        long asked = ++generation;
        reviewing.set(true);
        status.set(message);
        tasks.run(() -> {
            QuestEvent.ReviewFindings found = review.run(id, cancel);
            if (cancel.isCancelled()) {
                throw new CancellationException();
            }
            return (QuestEvent.ReviewFindings) store.journal().append(id, found).event();
        }, found -> {
            if (asked == generation) {
                running = null;
                reviewing.set(false);
                apply(found);
            }
        }, failure -> {
            if (asked == generation) {
                running = null;
                reviewing.set(false);
                status.set("Review failed: " + ReviewViewModel.message(failure));
            }
        });
    }

    /** Each AI review pass on its own daemon thread: the passes block on the network for minutes at most. */
    private static void runPass(Runnable pass) {
        Thread thread = new Thread(pass, "ai-review-pass");
        thread.setDaemon(true);
        thread.start();
    }

    private QuestEvent.ReviewFindings latest(String id) {
        List<JournalEntry> all = store.journal().readByType(id, Set.of("quest.review_findings"), 0);
        return all.isEmpty() ? null : (QuestEvent.ReviewFindings) all.get(all.size() - 1).event();
    }

    private void apply(QuestEvent.ReviewFindings found) {
        findings.setAll(found.findings());
        int count = found.findings().size();
        String who = "external".equals(found.source()) ? "Qodo Merge" : "The AI review";
        status.set(!found.failures().isEmpty() ? String.join("\n", found.failures())
                : found.source() == null ? null // nothing reviewed yet
                : count == 0 ? who + " found nothing." : count == 1 ? "1 finding" : count + " findings");
        changed.run();
    }

    /** The findings as gutter markers on the new side. */
    List<DiffView.Annotation> annotations() {
        List<DiffView.Annotation> all = new ArrayList<>();
        for (Finding f : findings) {
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
        return all;
    }
}
