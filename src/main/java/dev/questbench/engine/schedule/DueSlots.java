package dev.questbench.engine.schedule;

import dev.questbench.domain.schedule.Schedule;
import dev.questbench.domain.schedule.ScheduleRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a due schedule does at a tick: the slot to run (the latest one not older than the grace, or none),
 * the slots it missed (every other due slot, oldest first, counted up to a limit), and the schedule advanced
 * to its next future slot (a one-time schedule is disabled instead).
 */
record DueSlots(Instant toRun, List<Instant> missed, Schedule advanced) {

    static DueSlots of(Schedule schedule, Instant now, Duration grace, int missedLimit) {
        Instant first = schedule.nextRunAt();
        Instant graceStart = now.minus(grace);
        Instant latest = latestRunnable(schedule, first, graceStart, now, missedLimit);
        List<Instant> missed = new ArrayList<>();
        if (latest == null || !latest.equals(first)) {
            missed.add(first);
            Instant until = latest == null ? now : latest.minusNanos(1);
            missed.addAll(ScheduleCalculator.between(schedule.rule(), schedule.zone(), first, until, missedLimit - 1));
        }
        Schedule advanced = schedule.rule() instanceof ScheduleRule.OneTime
                ? schedule.withEnabled(false, now).withNextRunAt(null)
                // From the rule, not now + period: no drift.
                : schedule.withNextRunAt(ScheduleCalculator.next(schedule.rule(), schedule.zone(), now).orElse(null));
        return new DueSlots(latest, List.copyOf(missed), advanced);
    }

    /** The latest due slot in {@code [max(first, graceStart), now]}, or null if every due slot is too late. */
    private static Instant latestRunnable(Schedule schedule, Instant first, Instant graceStart, Instant now, int limit) {
        Instant from = first.isBefore(graceStart) ? graceStart.minusNanos(1) : first;
        List<Instant> recent = ScheduleCalculator.between(schedule.rule(), schedule.zone(), from, now, limit);
        if (!recent.isEmpty()) {
            return recent.get(recent.size() - 1);
        }
        return first.isBefore(graceStart) ? null : first;
    }
}
