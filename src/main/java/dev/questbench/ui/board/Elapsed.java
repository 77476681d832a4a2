package dev.questbench.ui.board;

import java.time.Duration;
import java.time.Instant;

/** How long something has run, short: "12s", "4m 05s", "1h 20m". */
final class Elapsed {
    private Elapsed() {
    }

    static String format(Instant since, Instant now) {
        if (since == null || now == null) {
            return "";
        }
        long seconds = Math.max(0, Duration.between(since, now).getSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format("%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format("%dh %02dm", seconds / 3600, seconds % 3600 / 60);
    }
}
