package dev.questbench.ui.quest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.QuestSummary;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuestActionTest {
    private static final Quest QUEST = Quest.create("Orders", "Orders", null, QuestMode.AGENT,
            QuestEnvironment.LOCAL, Instant.now());

    @Test
    void eachActionIsOfferedOnlyWhereItMakesSense() {
        assertEquals(EnumSet.of(QuestStatus.QUEUED, QuestStatus.RUNNING), allowed(QuestAction.PAUSE));
        assertEquals(EnumSet.of(QuestStatus.PAUSED, QuestStatus.INTERRUPTED), allowed(QuestAction.RESUME));
        assertEquals(EnumSet.of(QuestStatus.QUEUED, QuestStatus.RUNNING, QuestStatus.ACTION_REQUIRED,
                QuestStatus.PAUSED, QuestStatus.INTERRUPTED), allowed(QuestAction.STOP));
        assertEquals(EnumSet.of(QuestStatus.ERROR), allowed(QuestAction.RETRY));
        assertEquals(EnumSet.allOf(QuestStatus.class), allowed(QuestAction.ARCHIVE));
        assertEquals(EnumSet.noneOf(QuestStatus.class), allowed(QuestAction.UNARCHIVE));
        assertEquals(EnumSet.allOf(QuestStatus.class), allowed(QuestAction.DELETE));
        assertEquals(EnumSet.noneOf(QuestStatus.class), allowed(QuestAction.MOVE_TO_LOCAL), "a Local quest");
    }

    @Test
    void moveToLocalIsListedForWorktreeQuestsAndRunsWhenTheyAreIdle() {
        Quest worktree = Quest.create("Orders", "Orders", null, QuestMode.AGENT, QuestEnvironment.WORKTREE,
                Instant.now());
        Set<QuestStatus> statuses = EnumSet.noneOf(QuestStatus.class);
        for (QuestStatus status : QuestStatus.values()) {
            QuestSummary summary = new QuestSummary(worktree, status, Instant.now(), 1, 0, 0);
            assertEquals(true, QuestAction.MOVE_TO_LOCAL.offeredFor(summary), status.name());
            if (QuestAction.MOVE_TO_LOCAL.allowedFor(summary)) {
                statuses.add(status);
            }
        }
        assertEquals(EnumSet.complementOf(EnumSet.of(QuestStatus.QUEUED, QuestStatus.RUNNING)), statuses);
        assertFalse(QuestAction.MOVE_TO_LOCAL.offeredFor(new QuestSummary(QUEST, QuestStatus.READY, Instant.now(),
                1, 0, 0)));
        assertEquals(true, QuestAction.DELETE.offeredFor(new QuestSummary(QUEST, QuestStatus.READY, Instant.now(),
                1, 0, 0)), "the other actions are always listed");
    }

    @Test
    void archivedQuestsOfferUnarchiveAndNoQuestOffersNothing() {
        QuestSummary archived = new QuestSummary(QUEST.withArchived(true, Instant.now()), QuestStatus.READY,
                Instant.now(), 1, 0, 0);
        assertEquals(true, QuestAction.UNARCHIVE.allowedFor(archived));
        assertFalse(QuestAction.ARCHIVE.allowedFor(archived));
        for (QuestAction action : QuestAction.values()) {
            assertFalse(action.allowedFor(null), action.name());
        }
    }

    private static Set<QuestStatus> allowed(QuestAction action) {
        Set<QuestStatus> statuses = EnumSet.noneOf(QuestStatus.class);
        for (QuestStatus status : QuestStatus.values()) {
            if (action.allowedFor(new QuestSummary(QUEST, status, Instant.now(), 1, 0, 0))) {
                statuses.add(status);
            }
        }
        return statuses;
    }
}
