package dev.questbench.engine;

import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.QuestSummary;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.QuestQuery;
import dev.questbench.store.QuestSort;
import dev.questbench.store.Store;
import java.util.List;
import java.util.Set;

/**
 * What the executor does at start: quests whose journal ends mid-turn were running when the app stopped
 * and become Interrupted (Resume continues them); Queued quests are admitted again in their old order.
 */
final class Recovery {
    static final String INTERRUPTED_REASON =
            "Questbench stopped while this quest was running. Resume continues from where it was.";
    private static final int LOOK_BACK = 64;

    private Recovery() {
    }

    static void run(Store store, QuestExecutor executor) {
        for (QuestSummary running : byStatus(store, QuestStatus.RUNNING)) {
            store.journal().append(running.id(), new QuestEvent.Interrupted(INTERRUPTED_REASON));
        }
        for (QuestSummary queued : byStatus(store, QuestStatus.QUEUED)) {
            Work work = pendingWork(store, queued.id());
            executor.admit(queued.id(), work == null ? new Work.Resume() : work);
        }
    }

    /** The work a Queued quest waits for: its last unanswered message, or a resume. Null if none. */
    static Work pendingWork(Store store, String questId) {
        List<JournalEntry> recent = store.journal().readLast(questId, LOOK_BACK);
        for (int i = recent.size() - 1; i >= 0; i--) {
            JournalEntry entry = recent.get(i);
            if (entry.event() instanceof QuestEvent.UserMessage) {
                return Work.send(entry);
            }
            if (entry.event() instanceof QuestEvent.Resumed) {
                return new Work.Resume();
            }
            if (entry.event() instanceof QuestEvent.SessionStatusRunning) {
                return new Work.Resume();
            }
        }
        return null;
    }

    private static List<QuestSummary> byStatus(Store store, QuestStatus status) {
        return store.quests().list(new QuestQuery(null, Set.of(status), null, true, QuestSort.CREATED, false, 0));
    }
}
