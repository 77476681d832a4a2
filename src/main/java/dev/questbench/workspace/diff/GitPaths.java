package dev.questbench.workspace.diff;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Paths as git prints them in diff headers: raw, or C-quoted ({@code "a/sp\303\251cial name"}) when they hold a
 * quote, a backslash, a control character or (with {@code core.quotepath} on) a non-ASCII byte.
 */
final class GitPaths {
    static final String DEV_NULL = "/dev/null";

    private GitPaths() {
    }

    /** A path read from {@code buf}, and where it ended (just past the closing quote for a quoted one). */
    record Read(String path, int end) {
    }

    /**
     * A path filling {@code [from, to)}: unquoted when it starts with a quote, a trailing tab (git adds one after
     * names with spaces in {@code ---}/{@code +++} lines) dropped.
     */
    static String whole(byte[] buf, int from, int to) {
        if (to > from && buf[to - 1] == '\t') {
            to--;
        }
        if (from < to && buf[from] == '"') {
            return unquote(buf, from, to).path();
        }
        return new String(buf, from, to - from, StandardCharsets.UTF_8);
    }

    /** Decodes the C-quoted string starting at {@code buf[from] == '"'}; escapes become bytes, then UTF-8. */
    static Read unquote(byte[] buf, int from, int to) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        int i = from + 1;
        while (i < to && buf[i] != '"') {
            byte b = buf[i++];
            if (b != '\\' || i >= to) {
                bytes.write(b);
                continue;
            }
            byte e = buf[i++];
            if (e >= '0' && e <= '7') {
                int value = e - '0';
                for (int n = 0; n < 2 && i < to && buf[i] >= '0' && buf[i] <= '7'; n++) {
                    value = value * 8 + (buf[i++] - '0');
                }
                bytes.write(value);
            } else {
                bytes.write(switch (e) {
                    case 'a' -> 7;
                    case 'b' -> '\b';
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'v' -> 11;
                    case 'f' -> '\f';
                    case 'r' -> '\r';
                    default -> e; // \" and \\
                });
            }
        }
        return new Read(bytes.toString(StandardCharsets.UTF_8), Math.min(i + 1, to));
    }

    /**
     * The two names of a {@code diff --git a/x b/y} header, prefixes dropped, or null when they cannot be told
     * apart. Unquoted names with spaces are only certain when both are the same; renames and copies have their own
     * {@code rename from}/{@code to} lines, which win.
     */
    static String[] header(byte[] buf, int from, int to) {
        String first;
        int second;
        if (from < to && buf[from] == '"') {
            Read read = unquote(buf, from, to);
            first = read.path();
            second = read.end() + 1;
        } else {
            int split = splitUnquoted(buf, from, to);
            if (split < 0) {
                return null;
            }
            first = new String(buf, from, split - from, StandardCharsets.UTF_8);
            second = split + 1;
        }
        if (second > to) {
            return null;
        }
        return new String[] {strip(first, "a/"), strip(whole(buf, second, to), "b/")};
    }

    /** Drops git's {@code a/}/{@code b/} prefix; {@code /dev/null} stays as it is. */
    static String strip(String path, String prefix) {
        return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
    }

    /** The index of the space between two names when the first one is not quoted, or -1. */
    private static int splitUnquoted(byte[] buf, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (buf[i] == ' ' && buf[i + 1] == '"') {
                return i; // the second name is quoted; an unquoted name never holds a quote
            }
        }
        int length = to - from;
        if (length % 2 == 1) {
            int middle = from + length / 2;
            if (buf[middle] == ' ' && sameAfterPrefix(buf, from, middle + 1, length / 2)) {
                return middle;
            }
        }
        for (int i = from; i + 3 < to; i++) {
            if (buf[i] == ' ' && buf[i + 1] == 'b' && buf[i + 2] == '/') {
                return i;
            }
        }
        return -1;
    }

    private static boolean sameAfterPrefix(byte[] buf, int a, int b, int length) {
        if (length < 2 || buf[a + 1] != '/' || buf[b + 1] != '/') {
            return false;
        }
        for (int i = 2; i < length; i++) {
            if (buf[a + i] != buf[b + i]) {
                return false;
            }
        }
        return true;
    }
}
