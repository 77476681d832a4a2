package dev.questbench.workspace.diff;

import java.nio.charset.StandardCharsets;

/** A cursor over git's output, one line at a time, reading the bytes in place (no copies, no regex). */
final class ByteLines {
    private final byte[] buf;
    private final int end;
    private int next;
    private int start;
    private int stop;

    ByteLines(byte[] buf) {
        this.buf = buf;
        this.end = buf.length;
    }

    /** Moves to the next line; false at the end of the output. */
    boolean next() {
        if (next >= end) {
            return false;
        }
        start = next;
        int i = next;
        while (i < end && buf[i] != '\n') {
            i++;
        }
        stop = i;
        next = i < end ? i + 1 : end;
        return true;
    }

    /** Makes {@link #next()} return the current line again. */
    void pushBack() {
        next = start;
    }

    byte[] buf() {
        return buf;
    }

    int start() {
        return start;
    }

    int stop() {
        return stop;
    }

    int length() {
        return stop - start;
    }

    /** The byte at {@code offset} in the current line, or 0 past its end. */
    int at(int offset) {
        int i = start + offset;
        return i < stop ? buf[i] : 0;
    }

    boolean startsWith(byte[] prefix) {
        if (stop - start < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buf[start + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The current line from {@code offset} to its end as UTF-8 text (a trailing {@code \r} is kept). */
    String text(int offset) {
        int from = Math.min(start + offset, stop);
        return new String(buf, from, stop - from, StandardCharsets.UTF_8);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
