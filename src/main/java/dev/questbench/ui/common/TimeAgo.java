package dev.questbench.ui.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Says how long ago something happened the way people do: "just now", "2 min ago", "yesterday". */
public final class TimeAgo {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private TimeAgo() {
    }

    public static String format(Instant then, Instant now) {
        if (then == null) {
            return "";
        }
        long seconds = Math.max(0, Duration.between(then, now).getSeconds());
        if (seconds < 45) {
            return "just now";
        }
        long minutes = Math.max(1, Math.round(seconds / 60.0));
        if (minutes < 60) {
            return minutes + " min ago";
        }
        long hours = seconds / 3600;
        if (hours < 24) {
            return hours == 1 ? "1 hour ago" : hours + " hours ago";
        }
        long days = seconds / 86_400;
        if (days == 1) {
            return "yesterday";
        }
        if (days < 30) {
            return days + " days ago";
        }
        return DATE.format(then.atZone(ZoneId.systemDefault()));
    }

    /** A full local date and time, for detail panes. */
    public static String exact(Instant then) {
        return then == null ? "—" : DATE_TIME.format(then.atZone(ZoneId.systemDefault()));
    }
}
