package dev.questbench.workspace.files;

/**
 * Scores how well a typed query matches a path as a subsequence: runs of consecutive characters, characters at
 * the start of a path segment or word, and matches inside the file's own name (the basename) score higher.
 * The query is expected in lower case; the path is given both as typed (for camelCase word starts) and in lower
 * case. Of otherwise equal matches, files come before folders and shorter paths before longer ones.
 */
public final class FuzzyScore {
    /** The score of a path the query does not match. */
    public static final int NO_MATCH = Integer.MIN_VALUE;

    private static final int CHAR = 1;
    private static final int CONSECUTIVE = 6;
    private static final int SEGMENT_START = 5;
    private static final int BASENAME = 24;
    private static final int BASENAME_PREFIX = 20;
    private static final int BASENAME_EXACT = 40;
    private static final int FOLDER = 6;

    private FuzzyScore() {
    }

    /**
     * The score of {@code path} for {@code query}, or {@link #NO_MATCH}.
     *
     * @param original      the path as it is spelled ({@code path} is its lower case)
     * @param basenameStart where the last segment starts in {@code path} (after the last {@code /} that is not the
     *                      final character)
     */
    public static int score(String query, String path, String original, int basenameStart) {
        int n = query.length();
        if (n == 0) {
            return -path.length();
        }
        if (n > path.length() || !isSubsequence(query, 0, path, 0)) {
            return NO_MATCH;
        }
        int score;
        if (isSubsequence(query, 0, path, basenameStart)) {
            score = BASENAME + matchScore(query, path, original, basenameStart);
            if (path.startsWith(query, basenameStart)) {
                score += BASENAME_PREFIX;
                int end = basenameStart + n;
                if (end == path.length() || path.charAt(end) == '.' || path.charAt(end) == '/') {
                    score += BASENAME_EXACT; // the whole name, or the name without its extension
                }
            }
        } else {
            score = matchScore(query, path, original, 0);
        }
        return score - path.length() / 8 - (path.endsWith("/") ? FOLDER : 0);
    }

    /** Greedy match from {@code from}, preferring segment starts over earlier mid-word characters. */
    private static int matchScore(String query, String path, String original, int from) {
        int score = 0;
        int at = from;
        int previous = -2;
        for (int q = 0; q < query.length(); q++) {
            char wanted = query.charAt(q);
            int next = path.indexOf(wanted, at);
            if (next != previous + 1) {
                // Not consecutive: a later segment start is worth jumping to, as long as the rest still fits.
                int start = nextSegmentStart(path, original, wanted, next);
                if (start >= 0 && isSubsequence(query, q + 1, path, start + 1)) {
                    next = start;
                }
            }
            score += CHAR;
            if (next == previous + 1) {
                score += CONSECUTIVE;
            }
            if (isSegmentStart(original, next)) {
                score += SEGMENT_START;
            }
            previous = next;
            at = next + 1;
        }
        return score;
    }

    private static int nextSegmentStart(String path, String original, char wanted, int from) {
        for (int i = from; i >= 0 && i < path.length(); i = path.indexOf(wanted, i + 1)) {
            if (isSegmentStart(original, i)) {
                return i;
            }
        }
        return -1;
    }

    static boolean isSegmentStart(String path, int index) {
        if (index == 0) {
            return true;
        }
        char before = path.charAt(index - 1);
        return before == '/' || before == '_' || before == '-' || before == '.' || before == ' '
                || Character.isUpperCase(path.charAt(index)) && Character.isLowerCase(before);
    }

    static boolean isSubsequence(String query, int queryFrom, String path, int from) {
        int at = from;
        for (int q = queryFrom; q < query.length(); q++) {
            int found = path.indexOf(query.charAt(q), at);
            if (found < 0) {
                return false;
            }
            at = found + 1;
        }
        return true;
    }
}
