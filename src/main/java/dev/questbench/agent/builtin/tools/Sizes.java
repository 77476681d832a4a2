package dev.questbench.agent.builtin.tools;

import java.util.Locale;

/** Byte counts as people read them in tool results. */
final class Sizes {
    private Sizes() {
    }

    /** "5.0 MB", "12.3 KB", "512 bytes". */
    static String readable(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    /** "12,345 bytes". */
    static String bytes(long bytes) {
        return String.format(Locale.ROOT, "%,d bytes", bytes);
    }
}
