package dev.questbench.ui.common;

/** Token counts as people read them at a glance: 950, 12.3k, 4.1M. */
public final class TokenCount {
    private TokenCount() {
    }

    /** A compact count: {@code 950}, {@code 12.3k}, {@code 128k}, {@code 4.1M}. */
    public static String compact(long tokens) {
        if (tokens < 1_000) {
            return Long.toString(Math.max(0, tokens));
        }
        if (tokens < 999_950) {
            return scaled(tokens, 1_000, "k");
        }
        return scaled(tokens, 1_000_000, "M");
    }

    /** In and out together, e.g. {@code 16.4k tok}; empty for a quest that used none yet. */
    public static String total(long in, long out) {
        return in + out <= 0 ? "" : compact(in + out) + " tok";
    }

    /** The split, e.g. {@code 12.3k in · 4.1k out}. */
    public static String split(long in, long out) {
        return compact(in) + " in · " + compact(out) + " out";
    }

    /** One decimal below 100 (12.3k), none above (128k); plain arithmetic, as cards redraw it often. */
    private static String scaled(long tokens, long unit, String suffix) {
        long tenths = Math.round(tokens * 10.0 / unit);
        if (tenths >= 1_000) {
            return Math.round((double) tokens / unit) + suffix;
        }
        return tenths % 10 == 0 ? tenths / 10 + suffix : tenths / 10 + "." + tenths % 10 + suffix;
    }
}
