package dev.questbench.domain.schedule;

import dev.questbench.domain.Ids;
import java.time.Instant;
import java.util.Objects;

/**
 * One run of a schedule in its history.
 *
 * @param scheduledFor the due time it was for (the first missed one, for a Missed entry; the click time for Run Now)
 * @param startedAt    when it started; null for a Missed entry
 * @param finishedAt   when its outcome was known; null while Running
 * @param questId      the quest it started or continued; null when it never started
 * @param afterSeq     the quest's last journal sequence number before this run's message (0 for a new quest):
 *                     the run's outcome is read from the events after it, so a restart can pick the run up again
 * @param message      what happened, in words ("Goal met", the error, "Missed 3 runs ..."); may be null
 */
public record ScheduleRun(
        String id,
        String scheduleId,
        Instant scheduledFor,
        Instant startedAt,
        Instant finishedAt,
        String questId,
        long afterSeq,
        RunState state,
        String message) {

    public ScheduleRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scheduleId, "scheduleId");
        Objects.requireNonNull(scheduledFor, "scheduledFor");
        Objects.requireNonNull(state, "state");
    }

    /** A run that starts now for the given quest. */
    public static ScheduleRun running(String scheduleId, Instant scheduledFor, Instant now, String questId,
                                      long afterSeq) {
        return new ScheduleRun(newId(), scheduleId, scheduledFor, now, null, questId, afterSeq,
                RunState.RUNNING, null);
    }

    /** The one entry that stands for every slot missed since {@code firstMissed}. */
    public static ScheduleRun missed(String scheduleId, Instant firstMissed, Instant now, String message) {
        return new ScheduleRun(newId(), scheduleId, firstMissed, null, now, null, 0, RunState.MISSED, message);
    }

    /** A run that could not start at all. */
    public static ScheduleRun failedToStart(String scheduleId, Instant scheduledFor, Instant now, String message) {
        return new ScheduleRun(newId(), scheduleId, scheduledFor, now, now, null, 0, RunState.FAILED, message);
    }

    public ScheduleRun finish(RunState outcome, String why, Instant at) {
        return new ScheduleRun(id, scheduleId, scheduledFor, startedAt, at, questId, afterSeq, outcome, why);
    }

    private static String newId() {
        return "srn_" + Ids.ulid();
    }
}
