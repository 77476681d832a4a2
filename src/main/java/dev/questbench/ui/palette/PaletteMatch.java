package dev.questbench.ui.palette;

import java.util.Locale;

/**
 * How well a typed query matches a name: every query character in order (a subsequence), scored higher for matches
 * at word starts and for runs of consecutive characters, so "nq" finds "New Quest" first.
 */
final class PaletteMatch {
    static final int NONE = Integer.MIN_VALUE;

    private PaletteMatch() {
    }

    /** The score of {@code name} for {@code query}, or {@link #NONE} when it does not match; blank matches all. */
    static int score(String query, String name) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return 0;
        }
        String n = name.toLowerCase(Locale.ROOT);
        int at = n.indexOf(q);
        if (at >= 0) {
            return 1000 - at + (at == 0 || !Character.isLetterOrDigit(n.charAt(at - 1)) ? 500 : 0);
        }
        int score = 0;
        int from = 0;
        int previous = -2;
        for (char c : q.toCharArray()) {
            if (c == ' ') {
                continue;
            }
            int found = n.indexOf(c, from);
            if (found < 0) {
                return NONE;
            }
            boolean wordStart = found == 0 || !Character.isLetterOrDigit(n.charAt(found - 1));
            score += wordStart ? 30 : found == previous + 1 ? 15 : 1;
            previous = found;
            from = found + 1;
        }
        return score - n.length() / 10;
    }
}
