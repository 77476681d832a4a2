package dev.questbench.ui.quest;

import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.QuestSummary;

/** The lifecycle actions on one quest, and the statuses in which each makes sense. */
public enum QuestAction {
    PAUSE, RESUME, STOP, RETRY, ARCHIVE, UNARCHIVE, DELETE,
    /** Brings a Worktree quest's branch and changes into the workspace; offered only for Worktree quests. */
    MOVE_TO_LOCAL;

    /** Whether the action can run on the quest as it stands; false for no quest. */
    public boolean allowedFor(QuestSummary quest) {
        if (quest == null) {
            return false;
        }
        QuestStatus status = quest.status();
        return switch (this) {
            case PAUSE -> status == QuestStatus.RUNNING || status == QuestStatus.QUEUED;
            case RESUME -> status == QuestStatus.PAUSED || status == QuestStatus.INTERRUPTED;
            // Stop also takes a quest out of a wait (approval, pause, interruption): it ends Ready.
            case STOP -> status.isActive() || status == QuestStatus.ACTION_REQUIRED || status == QuestStatus.PAUSED
                    || status == QuestStatus.INTERRUPTED;
            case RETRY -> status == QuestStatus.ERROR;
            case ARCHIVE -> !quest.quest().archived();
            case UNARCHIVE -> quest.quest().archived();
            case DELETE -> true;
            case MOVE_TO_LOCAL -> offeredFor(quest) && !status.isActive();
        };
    }

    /**
     * Whether menus list the action for this quest at all (it may still be disabled for now): Move to local only
     * for Worktree quests, every other action always.
     */
    public boolean offeredFor(QuestSummary quest) {
        return this != MOVE_TO_LOCAL || quest != null && quest.quest().environment() == QuestEnvironment.WORKTREE;
    }
}
