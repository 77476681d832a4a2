package dev.questbench.engine.schedule;

import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.domain.event.QuestEvent.SessionStatusIdle.StopReason;
import dev.questbench.domain.schedule.RunState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * How a schedule run ended, read from its quest's journal after the run's baseline. The run's turn starts with
 * the first {@code user.message} after the baseline; the first {@code session.error} fails it, a stopped turn
 * fails it, and a finished turn ({@code end_turn}) succeeds. In goal mode a finished round is not the end: the
 * run succeeds when a {@code quest.goal_evaluated} says met, continues when the next round's message follows, and
 * otherwise ends after a short wait (the goal loop stopped: round limit, evaluation error).
 * Known limit: if the user's own queued message is delivered before the run's, that turn counts for the run.
 */
final class RunOutcome {
    /** The event types the outcome depends on, so callers read only those. */
    static final Set<String> TYPES = Set.of("user.message", "session.status_idle", "session.error",
            "quest.goal_evaluated");
    /** Between a "not met" verdict and the next round's message the goal loop needs a moment. */
    static final Duration NEXT_ROUND_WAIT = Duration.ofSeconds(30);
    /** How long a finished goal round may wait for its verdict (one model call) before the run counts as done. */
    static final Duration VERDICT_WAIT = Duration.ofMinutes(10);

    private RunOutcome() {
    }

    /** What is known about a run. */
    sealed interface Verdict {
    }

    /** The run is over. */
    record Settled(RunState state, String message, Instant at) implements Verdict {
    }

    /**
     * Probably over, unless something follows within {@code grace}; {@code since} names the event the wait
     * started from, so a new event restarts it.
     */
    record Waiting(String since, Duration grace, RunState state, String message) implements Verdict {
    }

    /** Still working, or waiting for the user (an approval, a paused or interrupted quest). */
    record Working() implements Verdict {
    }

    /**
     * @param entries  the quest's events of {@link #TYPES} after the run's baseline, oldest first
     * @param goalMode whether the quest works towards a goal (the run spans its rounds)
     * @param status   the quest's current status
     */
    static Verdict of(List<JournalEntry> entries, boolean goalMode, QuestStatus status) {
        int start = 0;
        while (start < entries.size() && !(entries.get(start).event() instanceof QuestEvent.UserMessage)) {
            start++;
        }
        JournalEntry finishedRound = null;
        JournalEntry notMet = null;
        int rounds = 0;
        for (int i = start + 1; i < entries.size(); i++) {
            JournalEntry entry = entries.get(i);
            QuestEvent event = entry.event();
            if (event instanceof QuestEvent.SessionError error) {
                String message = error.error() == null ? null : error.error().message();
                return new Settled(RunState.FAILED, message == null ? "The turn failed." : message, entry.processedAt());
            }
            if (event instanceof QuestEvent.SessionStatusIdle idle && idle.stopReason() != null) {
                String reason = idle.stopReason().type();
                if (StopReason.STOPPED.equals(reason)) {
                    return new Settled(RunState.FAILED, "Stopped before it finished.", entry.processedAt());
                }
                if (StopReason.END_TURN.equals(reason)) {
                    if (!goalMode) {
                        return new Settled(RunState.SUCCESS, null, entry.processedAt());
                    }
                    finishedRound = entry;
                    notMet = null;
                    rounds++;
                }
            } else if (event instanceof QuestEvent.GoalEvaluated verdict && goalMode && finishedRound != null) {
                if (verdict.met()) {
                    return new Settled(RunState.SUCCESS, "Goal met after " + rounds + " round" + (rounds == 1 ? "" : "s")
                            + (blank(verdict.reason()) ? "." : ": " + verdict.reason()), entry.processedAt());
                }
                notMet = entry;
            } else if (event instanceof QuestEvent.UserMessage) {
                finishedRound = null; // the next round (or a follow-up) started
                notMet = null;
            }
        }
        if (status != QuestStatus.READY) {
            return new Working();
        }
        if (notMet != null) {
            QuestEvent.GoalEvaluated verdict = (QuestEvent.GoalEvaluated) notMet.event();
            return new Waiting(notMet.id(), NEXT_ROUND_WAIT, RunState.FAILED, "Goal not met after " + rounds + " round"
                    + (rounds == 1 ? "" : "s") + (blank(verdict.reason()) ? "." : ": " + verdict.reason()));
        }
        if (finishedRound != null) {
            return new Waiting(finishedRound.id(), VERDICT_WAIT, RunState.SUCCESS,
                    "Finished; the goal was not evaluated.");
        }
        return new Working();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
