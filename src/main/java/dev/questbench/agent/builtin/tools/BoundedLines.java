package dev.questbench.agent.builtin.tools;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines from a stream keeping at most {@code maxChars} of each, so one enormous line (a minified file, a
 * log without newlines) never has to fit in memory. Ends lines at {@code \n}, dropping a {@code \r} before it.
 */
final class BoundedLines {
    /** One line, possibly cut, with how many characters were dropped from its end. */
    record Line(String text, long droppedChars) {
    }

    private final Reader reader;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;

    BoundedLines(Reader reader, int maxChars) {
        this.reader = reader;
        this.maxChars = maxChars;
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
        StringBuilder text = new StringBuilder();
        long dropped = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = reader.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? finish(text, dropped) : null;
                }
            }
            char c = buffer[position++];
            any = true;
            if (c == '\n') {
                return finish(text, dropped);
            }
            if (text.length() < maxChars + 1) { // one extra keeps a '\r' before '\n' from counting as content
                text.append(c);
            } else {
                dropped++;
            }
        }
    }

    /** Skips lines without keeping them; returns how many were skipped (fewer at the end of the stream). */
    long skip(long lines) throws IOException {
        long skipped = 0;
        while (skipped < lines && next() != null) {
            skipped++;
        }
        return skipped;
    }

    private Line finish(StringBuilder text, long dropped) {
        int length = text.length();
        if (dropped == 0 && length > 0 && text.charAt(length - 1) == '\r') {
            text.setLength(--length);
        }
        if (length > maxChars) {
            dropped += length - maxChars;
            text.setLength(maxChars);
        }
        return new Line(text.toString(), dropped);
    }
}
