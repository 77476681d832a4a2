package dev.questbench.ui.quest;

/**
 * The part of a tool's output a step shows: the last {@value #LINES} lines (a command's end says how it went), or
 * for Write and Edit the start, where their small diff is.
 *
 * @param truncated more output exists than {@code text} shows
 */
record OutputTail(String text, boolean truncated) {
    static final int LINES = 40;
    private static final int DIFF_LINES = 100;
    private static final int MAX_CHARS = 12_000;
    static final OutputTail EMPTY = new OutputTail("", false);

    /** The tail of a result or of the progress so far; {@code diff} keeps the head instead. */
    static OutputTail of(String text, boolean diff) {
        if (text == null || text.isEmpty()) {
            return EMPTY;
        }
        String trimmed = stripTrailingNewlines(text);
        return diff ? head(trimmed) : tail(trimmed);
    }

    /** The last {@code count} lines of a text already cut to a tail. */
    static String lastLines(String text, int count) {
        return tail(text, count).text();
    }

    private static OutputTail tail(String text) {
        return tail(text, LINES);
    }

    private static OutputTail tail(String text, int count) {
        int lines = 0;
        int from = text.length();
        while (from > 0 && lines < count) {
            int newline = text.lastIndexOf('\n', from - 1);
            lines++;
            from = newline < 0 ? 0 : newline;
            if (newline < 0) {
                break;
            }
        }
        int start = from == 0 ? 0 : from + 1;
        boolean cut = start > 0;
        if (text.length() - start > MAX_CHARS) { // a few enormous lines: keep their end
            start = text.length() - MAX_CHARS;
            cut = true;
        }
        return new OutputTail(text.substring(start), cut);
    }

    private static OutputTail head(String text) {
        int end = 0;
        int lines = 0;
        while (end < text.length() && lines < DIFF_LINES) {
            int newline = text.indexOf('\n', end);
            end = newline < 0 ? text.length() : newline + 1;
            lines++;
        }
        end = Math.min(end, MAX_CHARS);
        return new OutputTail(stripTrailingNewlines(text.substring(0, end)), end < text.length());
    }

    private static String stripTrailingNewlines(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }
}
