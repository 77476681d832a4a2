package dev.questbench.agent.builtin.tools;

/**
 * Collects result lines under three caps: lines to skip first ({@code offset}), the most lines
 * ({@code head_limit}) and the most characters; remembers whether anything was left out.
 */
final class ResultLines {
    private final StringBuilder text = new StringBuilder();
    private final long skip;
    private final long maxLines;
    private final int maxChars;
    private long seen;
    private long kept;
    private boolean truncated;

    ResultLines(long skip, long maxLines, int maxChars) {
        this.skip = skip;
        this.maxLines = maxLines;
        this.maxChars = maxChars;
    }

    /** Adds a line; false once the caps are reached (the caller can stop searching). */
    boolean add(String line) {
        seen++;
        if (seen <= skip) {
            return true;
        }
        if (kept >= maxLines || text.length() + line.length() + 1 > maxChars) {
            truncated = true;
            return false;
        }
        text.append(line).append('\n');
        kept++;
        return true;
    }

    boolean truncated() {
        return truncated;
    }

    long kept() {
        return kept;
    }

    boolean isEmpty() {
        return kept == 0;
    }

    String text() {
        return text.toString().stripTrailing();
    }
}
