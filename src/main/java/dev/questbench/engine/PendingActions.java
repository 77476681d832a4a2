package dev.questbench.engine;

import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.Store;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads from the journal which tool uses still wait for an answer (after a restart, say). */
final class PendingActions {
    private static final int LOOK_BACK = 500;

    private PendingActions() {
    }

    /** Event ids named by the last {@code requires_action} that no later confirmation answered. */
    static List<String> of(Store store, String questId) {
        List<JournalEntry> recent = store.journal().readLast(questId, LOOK_BACK);
        Set<String> answered = new HashSet<>();
        for (int i = recent.size() - 1; i >= 0; i--) {
            QuestEvent event = recent.get(i).event();
            if (event instanceof QuestEvent.UserToolConfirmation confirmation) {
                answered.add(confirmation.toolUseId());
            } else if (event instanceof QuestEvent.SessionStatusIdle idle) {
                if (!idle.requiresAction()) {
                    return List.of();
                }
                List<String> open = new ArrayList<>(idle.stopReason().eventIds());
                open.removeAll(answered);
                // Keep the ids already answered too: the turn continues once all of them are.
                List<String> all = new ArrayList<>(idle.stopReason().eventIds());
                return open.isEmpty() ? List.of() : all;
            }
        }
        return List.of();
    }
}
