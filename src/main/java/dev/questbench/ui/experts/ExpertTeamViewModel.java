package dev.questbench.ui.experts;

import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.Store;
import dev.questbench.store.Subscription;
import dev.questbench.ui.common.FxBatcher;
import dev.questbench.ui.common.TaskRunner;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Expert Team Canvas's model: the selected quest's expert cards, re-read whenever an expert starts, reports
 * progress or finishes (journal events arrive off the FX thread and are batched onto it).
 */
public final class ExpertTeamViewModel implements AutoCloseable {
    private final Store store;
    private final TaskRunner tasks;
    private final ObservableList<ExpertCards.Card> cards = FXCollections.observableArrayList();
    private final ObservableList<ExpertCards.Card> cardsView = FXCollections.unmodifiableObservableList(cards);
    private final FxBatcher<JournalEntry, Map<String, JournalEntry>> changes;
    private final Subscription journal;
    private volatile String watched;
    private long generation;

    public ExpertTeamViewModel(Store store, TaskRunner tasks, Executor fxExecutor) {
        this.store = store;
        this.tasks = tasks;
        this.changes = FxBatcher.latestByKey(fxExecutor, JournalEntry::questId, batch -> {
            if (watched != null && batch.containsKey(watched)) {
                reload(watched);
            }
        });
        this.journal = store.journal().subscribe(batch -> {
            for (JournalEntry entry : batch) {
                if (entry.questId().equals(watched) && relevant(entry.event())) {
                    changes.offer(entry);
                }
            }
        });
    }

    public ObservableList<ExpertCards.Card> cards() {
        return cardsView;
    }

    /** Shows this quest's experts (null: none). */
    public void show(String questId) {
        watched = questId;
        if (questId == null) {
            generation++;
            cards.clear();
            return;
        }
        reload(questId);
    }

    private void reload(String questId) {
        long asked = ++generation;
        tasks.run(() -> ExpertCards.from(store.journal().readAfter(questId, null, 100_000)), (List<ExpertCards.Card>
                loaded) -> {
            if (asked == generation) {
                cards.setAll(loaded);
            }
        }, failure -> { });
    }

    private static boolean relevant(QuestEvent event) {
        return event instanceof QuestEvent.SubagentEvent || event instanceof QuestEvent.AgentToolResult
                || event instanceof QuestEvent.AgentToolUse use && "Agent".equals(use.name());
    }

    @Override
    public void close() {
        journal.close();
        changes.close();
    }
}
