package dev.questbench.engine.schedule;

import dev.questbench.domain.schedule.Schedule;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The words of a Missed entry and its notification: how many slots, which, and what to do. */
final class MissedRuns {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK);
    private static final String WHY = "Questbench was not running, or the computer was asleep. Use Run Now to run it.";

    private MissedRuns() {
    }

    /** @param missed the missed due times, oldest first; {@code limit} means "at least this many" */
    static String message(Schedule schedule, List<Instant> missed, int limit) {
        String first = WHEN.format(missed.get(0).atZone(schedule.zone()));
        if (missed.size() == 1) {
            return "Missed the run due " + first + ". " + WHY;
        }
        String last = WHEN.format(missed.get(missed.size() - 1).atZone(schedule.zone()));
        String count = missed.size() >= limit ? String.format(Locale.UK, "%,d or more", limit)
                : Integer.toString(missed.size());
        return "Missed " + count + " runs, due " + first + " to " + last + ". " + WHY;
    }
}
