package dev.questbench.workspace.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one {@code @@ -a,b +c,d @@} hunk. Its end comes from the counts in the header, not from line prefixes, so
 * content lines such as {@code --- x} or {@code diff --git …} stay content.
 */
final class HunkReader {
    private final ByteLines in;
    private int cursor;

    private HunkReader(ByteLines in) {
        this.in = in;
    }

    /** Reads the hunk whose header is {@code in}'s current line into {@code file}; false when the header is bad. */
    static boolean read(ByteLines in, FileEntry file) {
        return new HunkReader(in).read(file);
    }

    private boolean read(FileEntry file) {
        cursor = 4; // past "@@ -"
        int oldStart = number();
        int oldCount = count();
        if (oldStart < 0 || oldCount < 0 || in.at(cursor) != ' ' || in.at(cursor + 1) != '+') {
            return false;
        }
        cursor += 2;
        int newStart = number();
        int newCount = count();
        if (newStart < 0 || newCount < 0 || in.at(cursor) != ' ' || in.at(cursor + 1) != '@'
                || in.at(cursor + 2) != '@') {
            return false;
        }
        String header = file.tooLarge ? null : in.text(0);
        String section = file.tooLarge ? null : in.text(in.at(cursor + 3) == ' ' ? cursor + 4 : cursor + 3);
        List<DiffLine> lines = file.tooLarge ? null : new ArrayList<>(Math.min(oldCount + newCount, 1024));
        int oldLeft = oldCount;
        int newLeft = newCount;
        int oldNumber = oldStart;
        int newNumber = newStart;
        while ((oldLeft > 0 || newLeft > 0) && in.next()) {
            int marker = in.length() == 0 ? ' ' : in.at(0); // an empty line is blank context (diff.suppressBlankEmpty)
            DiffLine.Type type;
            if (marker == ' ') {
                type = DiffLine.Type.CONTEXT;
                oldLeft--;
                newLeft--;
            } else if (marker == '-') {
                type = DiffLine.Type.REMOVED;
                oldLeft--;
                file.deletions++;
            } else if (marker == '+') {
                type = DiffLine.Type.ADDED;
                newLeft--;
                file.additions++;
            } else if (marker == '\\') {
                markNoNewline(lines);
                continue;
            } else {
                in.pushBack(); // the counts lied: stop here rather than swallow the next file
                break;
            }
            file.hunkBytes += in.length() + 1;
            if (lines != null && (file.additions + file.deletions > DiffParser.MAX_CHANGED_LINES
                    || file.hunkBytes > DiffParser.MAX_HUNK_BYTES)) {
                file.dropHunks();
                lines = null;
            }
            if (lines != null) {
                lines.add(new DiffLine(type, type == DiffLine.Type.ADDED ? 0 : oldNumber,
                        type == DiffLine.Type.REMOVED ? 0 : newNumber, in.text(1), false));
            }
            if (type != DiffLine.Type.ADDED) {
                oldNumber++;
            }
            if (type != DiffLine.Type.REMOVED) {
                newNumber++;
            }
        }
        if (in.next()) {
            if (in.at(0) == '\\') {
                markNoNewline(lines);
            } else {
                in.pushBack();
            }
        }
        if (lines != null) {
            file.hunks.add(new Hunk(oldStart, oldCount, newStart, newCount, header, section, lines));
        }
        return true;
    }

    /** {@code \ No newline at end of file} belongs to the line before it. */
    private static void markNoNewline(List<DiffLine> lines) {
        if (lines == null || lines.isEmpty()) {
            return;
        }
        DiffLine last = lines.get(lines.size() - 1);
        lines.set(lines.size() - 1, new DiffLine(last.type(), last.oldNumber(), last.newNumber(), last.text(), true));
    }

    /** A decimal number at the cursor, or -1. */
    private int number() {
        int value = 0;
        int digits = 0;
        for (int c = in.at(cursor); c >= '0' && c <= '9'; c = in.at(++cursor)) {
            value = value * 10 + (c - '0');
            digits++;
        }
        return digits == 0 || digits > 9 ? -1 : value;
    }

    /** The optional {@code ,count} after a start; git leaves it out when it is 1. */
    private int count() {
        if (in.at(cursor) != ',') {
            return 1;
        }
        cursor++;
        return number();
    }
}
