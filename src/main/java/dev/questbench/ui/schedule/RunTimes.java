package dev.questbench.ui.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the Schedules page and the form write run times: "Tue 3 Mar 2026, 09:00 CET", "in 3 h". */
final class RunTimes {
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z", Locale.UK);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.UK);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private RunTimes() {
    }

    static String full(ZonedDateTime time) {
        return FULL.format(time);
    }

    /** A time in the user's zone, short: "Tue 3 Mar, 09:00"; a dash for none. */
    static String local(Instant time) {
        return time == null ? "—" : SHORT.format(time.atZone(ZoneId.systemDefault()));
    }

    /** "in 5 min", "in 3 h", "in 2 days"; "now" when due or past. */
    static String until(Instant time, Instant now) {
        long minutes = Duration.between(now, time).toMinutes();
        if (minutes < 1) {
            return "now";
        }
        if (minutes < 60) {
            return "in " + minutes + " min";
        }
        if (minutes < 48 * 60) {
            return "in " + Math.round(minutes / 60.0) + " h";
        }
        return "in " + Math.round(minutes / (24 * 60.0)) + " days";
    }

    /** When a run finished, after its start: "09:05 (5 min)", or with the date when it is another day. */
    static String finished(Instant start, Instant end) {
        ZonedDateTime from = start.atZone(ZoneId.systemDefault());
        ZonedDateTime to = end.atZone(ZoneId.systemDefault());
        String when = from.toLocalDate().equals(to.toLocalDate()) ? CLOCK.format(to) : SHORT.format(to);
        return when + " (" + duration(start, end) + ")";
    }

    /** "12 s", "4 min", "1 h 5 min": how long a run took. */
    static String duration(Instant start, Instant end) {
        long seconds = Math.max(0, Duration.between(start, end).toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        return minutes < 60 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min";
    }
}
