package dev.questbench.ui.quest;

import dev.questbench.domain.QuestSummary;
import dev.questbench.domain.Workspace;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.engine.QuestUsage;
import dev.questbench.store.QuestChange;
import dev.questbench.store.Store;
import dev.questbench.store.Subscription;
import dev.questbench.ui.common.FxBatcher;
import dev.questbench.ui.common.TaskRunner;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The selected quest's facts for the header and the Summary tab, kept current as its events arrive, its usage
 * (tokens and time per turn), recomputed off the FX thread when a turn starts or ends, and the memory and settings
 * files the agent loaded ({@code quest.context_loaded}).
 */
public final class QuestSummaryViewModel implements AutoCloseable {
    private final Store store;
    private final TaskRunner tasks;
    private final ReadOnlyObjectWrapper<QuestSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ReadOnlyObjectWrapper<Workspace> workspace = new ReadOnlyObjectWrapper<>(this, "workspace");
    private final ReadOnlyStringWrapper questId = new ReadOnlyStringWrapper(this, "questId");
    private final ReadOnlyObjectWrapper<QuestUsage> usage = new ReadOnlyObjectWrapper<>(this, "usage");
    private final ReadOnlyObjectWrapper<QuestEvent.ContextLoaded> references =
            new ReadOnlyObjectWrapper<>(this, "references");
    private final ReadOnlyObjectWrapper<QuestWork> work = new ReadOnlyObjectWrapper<>(this, "work", QuestWork.NONE);
    private final FxBatcher<QuestChange, Map<String, QuestChange>> changes;
    private final FxBatcher<JournalEntry, Map<String, JournalEntry>> contexts;
    private final Subscription subscription;
    private final Subscription journal;
    private volatile String watched;
    private long generation;
    private long usageGeneration;
    /** What the shown usage was computed for: status and token totals; it changes only when one of them does. */
    private List<Object> usageKey;

    public QuestSummaryViewModel(Store store, TaskRunner tasks, Executor fxExecutor) {
        this.store = store;
        this.tasks = tasks;
        this.changes = FxBatcher.latestByKey(fxExecutor, QuestChange::questId, this::applyChanges);
        this.subscription = store.quests().subscribe(change -> {
            if (change.questId().equals(watched)) { // a stray change is re-checked on the FX thread
                changes.offer(change);
            }
        });
        this.contexts = FxBatcher.latestByKey(fxExecutor, JournalEntry::questId, this::applyContexts);
        this.journal = store.journal().subscribe(batch -> {
            for (JournalEntry entry : batch) {
                if (entry.event() instanceof QuestEvent.ContextLoaded && entry.questId().equals(watched)) {
                    contexts.offer(entry);
                }
            }
        });
    }

    // ---- properties ----------------------------------------------------------------------------

    /** The selected quest's summary, or null when none is selected (or it was deleted). */
    public ReadOnlyObjectProperty<QuestSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The quest's workspace, or null for a quest bound to no workspace. */
    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    /** Tokens and time per turn and in total, or null until computed (off the FX thread). */
    public ReadOnlyObjectProperty<QuestUsage> usageProperty() {
        return usage.getReadOnlyProperty();
    }

    /** The memory and settings files the agent last loaded, with any warnings; null when none were recorded. */
    public ReadOnlyObjectProperty<QuestEvent.ContextLoaded> referencesProperty() {
        return references.getReadOnlyProperty();
    }

    /** Files changed, tools used and schedules continuing the quest; reread when a turn ends. */
    ReadOnlyObjectProperty<QuestWork> workProperty() {
        return work.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty questIdProperty() {
        return questId.getReadOnlyProperty();
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Shows this quest (null: none). */
    public void show(String id) {
        long asked = ++generation;
        questId.set(id);
        watched = id;
        usage.set(null);
        work.set(QuestWork.NONE);
        usageKey = null;
        references.set(null);
        if (id == null) {
            summary.set(null);
            workspace.set(null);
            return;
        }
        tasks.run(() -> load(id), loaded -> {
            if (asked == generation) {
                summary.set(loaded.summary().orElse(null));
                workspace.set(loaded.workspace().orElse(null));
                work.set(loaded.work());
                if (references.get() == null) { // a newer one may have arrived live meanwhile
                    references.set(loaded.references());
                }
                refreshUsage();
            }
        }, failure -> { });
    }

    @Override
    public void close() {
        subscription.close();
        journal.close();
        changes.close();
        contexts.close();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private record Loaded(Optional<QuestSummary> summary, Optional<Workspace> workspace,
                          QuestEvent.ContextLoaded references, QuestWork work) {
    }

    private Loaded load(String id) {
        Optional<QuestSummary> found = store.quests().summary(id);
        Optional<Workspace> home = found.map(s -> s.quest().workspaceId()).flatMap(store.workspaces()::get);
        List<JournalEntry> loads = store.journal().readByType(id, Set.of("quest.context_loaded"), 0);
        QuestEvent.ContextLoaded last = loads.isEmpty() ? null
                : (QuestEvent.ContextLoaded) loads.get(loads.size() - 1).event();
        QuestWork done = QuestWork.of(store.journal().readByType(id, QuestWork.TYPES, 0),
                store.schedules().continuing(id));
        return new Loaded(found, home, last, done);
    }

    private void applyContexts(Map<String, JournalEntry> latest) {
        JournalEntry entry = latest.get(questId.get());
        if (entry != null) {
            references.set((QuestEvent.ContextLoaded) entry.event());
        }
    }

    private void applyChanges(Map<String, QuestChange> batch) {
        QuestChange change = batch.get(questId.get());
        if (change instanceof QuestChange.Upserted upserted) {
            QuestSummary before = summary.get();
            summary.set(upserted.summary());
            refreshUsage();
            if (before != null && before.status() != upserted.summary().status()) {
                refreshWork(upserted.summary().id()); // a turn started or ended: its tools and files count now
            }
        } else if (change instanceof QuestChange.Deleted) {
            summary.set(null);
        }
    }

    private void refreshWork(String id) {
        long asked = generation;
        tasks.run(() -> QuestWork.of(store.journal().readByType(id, QuestWork.TYPES, 0),
                store.schedules().continuing(id)), computed -> {
                    if (asked == generation) {
                        work.set(computed);
                    }
                }, failure -> { });
    }

    /** Recomputes usage in the background when a turn starts or ends or tokens were counted; the newest wins. */
    private void refreshUsage() {
        QuestSummary current = summary.get();
        if (current == null) {
            return;
        }
        List<Object> key = List.of(current.id(), current.status(), current.inputTokens(), current.outputTokens());
        if (key.equals(usageKey)) {
            return;
        }
        usageKey = key;
        long asked = ++usageGeneration;
        String id = current.id();
        tasks.run(() -> QuestUsage.of(store, id), computed -> {
            if (asked == usageGeneration && id.equals(questId.get())) {
                usage.set(computed);
            }
        }, failure -> { });
    }
}
