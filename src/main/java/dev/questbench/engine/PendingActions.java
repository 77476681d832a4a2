package dev.questbench.engine;

import dev.questbench.agent.ToolConfirmation;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.Store;
import java.util.List;

/** Reads from the journal which tool uses wait for an answer and the answers given so far (after a restart). */
final class PendingActions {
    private static final int LOOK_BACK = 500;

    private PendingActions() {
    }

    /** Fills the run's pending ids from the last {@code requires_action}, and the answers journaled since. */
    static void load(Store store, String questId, QuestRun run) {
        run.clearPending();
        List<JournalEntry> recent = store.journal().readLast(questId, LOOK_BACK);
        for (int i = recent.size() - 1; i >= 0; i--) {
            QuestEvent event = recent.get(i).event();
            if (event instanceof QuestEvent.SessionStatusIdle idle) {
                if (idle.requiresAction()) {
                    run.pending.addAll(idle.stopReason().eventIds());
                    for (JournalEntry later : recent.subList(i + 1, recent.size())) {
                        if (later.event() instanceof QuestEvent.UserToolConfirmation answer) {
                            run.answers.put(answer.toolUseId(), new ToolConfirmation(answer.toolUseId(),
                                    answer.result(), answer.denyMessage(), answer.alwaysForQuest(),
                                    answer.answer()));
                        }
                    }
                }
                return;
            }
        }
    }
}
