package dev.questbench.ui.quest;

import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.QuestSummary;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.engine.GoalLoop;
import dev.questbench.store.Store;
import dev.questbench.store.Subscription;
import dev.questbench.ui.common.DialogService;
import dev.questbench.ui.common.FxBatcher;
import dev.questbench.ui.common.QuestEngine;
import dev.questbench.ui.common.TaskRunner;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The goal card of the selected quest: its goal, the last check's verdict and round, and Edit, Pause/Resume and
 * Delete goal. The goal comes with the quest's summary; verdicts are read on open and then follow the journal.
 */
public final class GoalViewModel implements AutoCloseable {
    private static final Set<String> VERDICTS = Set.of("quest.goal_evaluated");

    private final Store store;
    private final QuestEngine engine;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ReadOnlyStringWrapper questId = new ReadOnlyStringWrapper(this, "questId");
    private final ReadOnlyStringWrapper goal = new ReadOnlyStringWrapper(this, "goal");
    private final ReadOnlyObjectWrapper<QuestStatus> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyObjectWrapper<QuestEvent.GoalEvaluated> verdict = new ReadOnlyObjectWrapper<>(this, "verdict");
    private final ReadOnlyIntegerWrapper maxRounds = new ReadOnlyIntegerWrapper(this, "maxRounds", 10);
    private final FxBatcher<JournalEntry, List<JournalEntry>> verdicts;
    private final Subscription subscription;
    private volatile String watched;
    private long generation;

    public GoalViewModel(Store store, QuestEngine engine, TaskRunner tasks, DialogService dialogs, Executor fx) {
        this.store = store;
        this.engine = engine;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.verdicts = FxBatcher.inOrder(fx, this::applyVerdicts);
        this.subscription = store.journal().subscribe(batch -> {
            for (JournalEntry entry : batch) {
                if (entry.questId().equals(watched) && entry.event() instanceof QuestEvent.GoalEvaluated) {
                    verdicts.offer(entry);
                }
            }
        });
    }

    // ---- properties ----------------------------------------------------------------------------

    /** The goal, or null when the quest has none (the card hides). */
    public ReadOnlyStringProperty goalProperty() {
        return goal.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<QuestStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last check, or null before the first round ends. */
    public ReadOnlyObjectProperty<QuestEvent.GoalEvaluated> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** After this many rounds the loop stops even if the goal is not met. */
    public ReadOnlyIntegerProperty maxRoundsProperty() {
        return maxRounds.getReadOnlyProperty();
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Follows the selected quest's summary (null: none). */
    public void show(QuestSummary summary) {
        String id = summary == null ? null : summary.id();
        goal.set(summary == null ? null : summary.quest().options().goal());
        status.set(summary == null ? null : summary.status());
        if (Objects.equals(id, questId.get())) {
            return;
        }
        long asked = ++generation;
        questId.set(id);
        watched = id;
        verdict.set(null);
        if (id != null) {
            tasks.run(() -> new Loaded(last(store.journal().readByType(id, VERDICTS, 0)),
                    store.settings().get(GoalLoop.MAX_ROUNDS)), loaded -> {
                        if (asked == generation) {
                            maxRounds.set(loaded.maxRounds());
                            if (verdict.get() == null) {
                                verdict.set(loaded.verdict());
                            }
                        }
                    }, failure -> { });
        }
    }

    /** Changes the goal; a running round finishes against the old one. */
    public void edit(String text) {
        String id = questId.get();
        if (id != null && text != null && !text.isBlank()) {
            background(() -> engine.goals().edit(id, text.strip()), "The goal could not be changed");
        }
    }

    public void pause() {
        String id = questId.get();
        background(() -> engine.executor().pause(id), "Pausing failed");
    }

    public void resume() {
        String id = questId.get();
        background(() -> engine.executor().resume(id), "Resuming failed");
    }

    /** Ends goal mode: the quest goes on as a normal one; nothing is deleted. */
    public void delete() {
        String id = questId.get();
        background(() -> engine.goals().clear(id), "The goal could not be removed");
    }

    @Override
    public void close() {
        subscription.close();
        verdicts.close();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private record Loaded(QuestEvent.GoalEvaluated verdict, int maxRounds) {
    }

    private void applyVerdicts(List<JournalEntry> batch) {
        for (JournalEntry entry : batch) {
            if (entry.questId().equals(questId.get())) {
                verdict.set((QuestEvent.GoalEvaluated) entry.event());
            }
        }
    }

    private static QuestEvent.GoalEvaluated last(List<JournalEntry> entries) {
        return entries.isEmpty() ? null : (QuestEvent.GoalEvaluated) entries.get(entries.size() - 1).event();
    }

    private void background(TaskRunner.CheckedRunnable work, String failureTitle) {
        if (questId.get() != null) {
            tasks.run(work, failure -> dialogs.showError(failureTitle, failure.getMessage()));
        }
    }
}
