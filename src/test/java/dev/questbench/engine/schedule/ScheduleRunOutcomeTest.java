package dev.questbench.engine.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.domain.event.QuestEvent.SessionStatusIdle;
import dev.questbench.domain.schedule.RunState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleRunOutcomeTest {
    private final List<JournalEntry> journal = new ArrayList<>();

    private ScheduleRunOutcomeTest add(QuestEvent event) {
        long seq = journal.size() + 1;
        journal.add(new JournalEntry("evt_" + seq, "qst_1", seq, Instant.ofEpochSecond(1_000 + seq), event));
        return this;
    }

    private ScheduleRunOutcomeTest message() {
        return add(QuestEvent.UserMessage.text("do it"));
    }

    private ScheduleRunOutcomeTest endTurn() {
        return add(SessionStatusIdle.endTurn());
    }

    private ScheduleRunOutcomeTest verdict(boolean met, String reason) {
        return add(new QuestEvent.GoalEvaluated(1, met, reason, null));
    }

    private RunOutcome.Verdict outcome(boolean goal, QuestStatus status) {
        return RunOutcome.of(journal, goal, status);
    }

    @Test
    void aFinishedTurnSucceedsAtTheTimeItEnded() {
        message().add(new QuestEvent.SessionStatusRunning()).endTurn();
        RunOutcome.Settled settled = assertInstanceOf(RunOutcome.Settled.class, outcome(false, QuestStatus.READY));
        assertEquals(RunState.SUCCESS, settled.state());
        assertEquals(journal.get(2).processedAt(), settled.at());
    }

    @Test
    void anErrorFailsWithTheErrorsMessage() {
        message().add(QuestEvent.SessionError.of("model_unavailable", "Ollama is not running"));
        RunOutcome.Settled settled = assertInstanceOf(RunOutcome.Settled.class, outcome(false, QuestStatus.ERROR));
        assertEquals(RunState.FAILED, settled.state());
        assertEquals("Ollama is not running", settled.message());
    }

    @Test
    void aStoppedTurnFails() {
        message().add(SessionStatusIdle.stopped());
        RunOutcome.Settled settled = assertInstanceOf(RunOutcome.Settled.class, outcome(false, QuestStatus.READY));
        assertEquals(RunState.FAILED, settled.state());
        assertEquals("Stopped before it finished.", settled.message());
    }

    @Test
    void theEndOfAnEarlierTurnBeforeTheRunsMessageDoesNotCount() {
        endTurn(); // the turn that was running when the schedule queued its message
        assertInstanceOf(RunOutcome.Working.class, outcome(false, QuestStatus.READY));
        message();
        assertInstanceOf(RunOutcome.Working.class, outcome(false, QuestStatus.RUNNING));
    }

    @Test
    void waitingForAnApprovalIsStillWorking() {
        message().add(SessionStatusIdle.requiresAction(List.of("evt_x")));
        assertInstanceOf(RunOutcome.Working.class, outcome(false, QuestStatus.ACTION_REQUIRED));
    }

    @Test
    void inGoalModeAMetVerdictSucceedsAndCountsRounds() {
        message().endTurn().verdict(false, "tests fail").message().endTurn().verdict(true, "all green");
        RunOutcome.Settled settled = assertInstanceOf(RunOutcome.Settled.class, outcome(true, QuestStatus.READY));
        assertEquals(RunState.SUCCESS, settled.state());
        assertEquals("Goal met after 2 rounds: all green", settled.message());
    }

    @Test
    void inGoalModeANotMetVerdictWaitsForTheNextRoundThenFails() {
        message().endTurn().verdict(false, "coverage is 60%");
        RunOutcome.Waiting waiting = assertInstanceOf(RunOutcome.Waiting.class, outcome(true, QuestStatus.READY));
        assertEquals(RunState.FAILED, waiting.state());
        assertEquals(RunOutcome.NEXT_ROUND_WAIT, waiting.grace());
        assertEquals("Goal not met after 1 round: coverage is 60%", waiting.message());
        message();
        assertInstanceOf(RunOutcome.Working.class, outcome(true, QuestStatus.QUEUED));
    }

    @Test
    void inGoalModeAFinishedRoundWaitsForItsVerdict() {
        message().endTurn();
        RunOutcome.Waiting waiting = assertInstanceOf(RunOutcome.Waiting.class, outcome(true, QuestStatus.READY));
        assertEquals(RunOutcome.VERDICT_WAIT, waiting.grace());
        assertEquals(RunState.SUCCESS, waiting.state());
        assertEquals(journal.get(1).id(), waiting.since());
    }
}
