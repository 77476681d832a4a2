package dev.questbench.ui.settings;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A line of Settings → Worktrees' disk use list: one Questbench worktree of the chosen workspace.
 *
 * @param questTitle the title of the quest that made it; null when that quest is unknown or deleted
 */
public record WorktreeUsageRow(String branch, String questTitle, long bytes, Path path) {
    private static final double MEGABYTE = 1024.0 * 1024.0;

    /** The quest's title, or what is known when there is none. */
    public String questLabel() {
        return questTitle == null ? "No quest (deleted or unknown)" : questTitle;
    }

    /** e.g. {@code 12.4 MB}. */
    public String size() {
        return megabytes(bytes);
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / MEGABYTE);
    }
}
