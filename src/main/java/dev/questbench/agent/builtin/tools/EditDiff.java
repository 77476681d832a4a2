package dev.questbench.agent.builtin.tools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A small unified diff of an Edit, built from where the replacements happened (no general diff needed), so the
 * transcript can show what changed with a few lines of context.
 */
final class EditDiff {
    static final int CONTEXT = 3;
    static final int MAX_LINES = 80;

    /** Changed lines: {@code [oldFrom, oldTo]} became {@code [newFrom, newTo]} (inclusive; empty when from > to). */
    private record Change(int oldFrom, int oldTo, int newFrom, int newTo) {
    }

    private EditDiff() {
    }

    /**
     * @param offsets where each replaced {@code oldLength} characters started in {@code before}, ascending
     */
    static String unified(String path, String before, String after, List<Integer> offsets, int oldLength,
                          int newLength) {
        List<String> oldLines = lines(before);
        List<String> newLines = lines(after);
        int[] oldStarts = lineStarts(before);
        int[] newStarts = lineStarts(after);
        List<Change> changes = new ArrayList<>();
        for (int k = 0; k < offsets.size(); k++) {
            int a = offsets.get(k);
            int b = a + k * (newLength - oldLength);
            Change change = trimmed(oldLines, newLines, new Change(lineOf(oldStarts, a),
                    Math.min(lineOf(oldStarts, a + oldLength), oldLines.size() - 1),
                    lineOf(newStarts, b), Math.min(lineOf(newStarts, b + newLength), newLines.size() - 1)));
            if (change.oldFrom() <= change.oldTo() || change.newFrom() <= change.newTo()) {
                changes.add(change);
            }
        }
        List<String> out = new ArrayList<>(List.of("--- a/" + path, "+++ b/" + path));
        int i = 0;
        while (i < changes.size()) {
            int j = i;
            while (j + 1 < changes.size() && changes.get(j + 1).oldFrom() - changes.get(j).oldTo() - 1 <= 2 * CONTEXT) {
                j++;
            }
            hunk(out, oldLines, newLines, changes.subList(i, j + 1));
            i = j + 1;
        }
        if (out.size() > MAX_LINES) {
            int more = out.size() - MAX_LINES;
            out = new ArrayList<>(out.subList(0, MAX_LINES));
            out.add("… (" + more + " more diff lines)");
        }
        return String.join("\n", out);
    }

    private static void hunk(List<String> out, List<String> oldLines, List<String> newLines, List<Change> changes) {
        Change first = changes.get(0);
        Change last = changes.get(changes.size() - 1);
        int start = Math.max(0, first.oldFrom() - CONTEXT);
        int end = Math.min(oldLines.size(), last.oldTo() + 1 + CONTEXT); // exclusive
        int newStart = start + first.newFrom() - first.oldFrom();
        List<String> body = new ArrayList<>();
        int oldCount = 0;
        int newCount = 0;
        int line = start;
        for (Change change : changes) {
            for (; line < change.oldFrom(); line++, oldCount++, newCount++) {
                body.add(" " + oldLines.get(line));
            }
            for (int k = change.oldFrom(); k <= change.oldTo(); k++, oldCount++) {
                body.add("-" + oldLines.get(k));
            }
            line = Math.max(line, change.oldTo() + 1);
            for (int k = change.newFrom(); k <= change.newTo(); k++, newCount++) {
                body.add("+" + newLines.get(k));
            }
        }
        for (; line < end; line++, oldCount++, newCount++) {
            body.add(" " + oldLines.get(line));
        }
        out.add(String.format(Locale.ROOT, "@@ -%d,%d +%d,%d @@", oldCount == 0 ? start : start + 1, oldCount,
                newCount == 0 ? newStart : newStart + 1, newCount));
        out.addAll(body);
    }

    private static Change trimmed(List<String> oldLines, List<String> newLines, Change change) {
        int oldFrom = change.oldFrom();
        int oldTo = change.oldTo();
        int newFrom = change.newFrom();
        int newTo = change.newTo();
        while (oldFrom <= oldTo && newFrom <= newTo && oldLines.get(oldFrom).equals(newLines.get(newFrom))) {
            oldFrom++;
            newFrom++;
        }
        while (oldFrom <= oldTo && newFrom <= newTo && oldLines.get(oldTo).equals(newLines.get(newTo))) {
            oldTo--;
            newTo--;
        }
        return new Change(oldFrom, oldTo, newFrom, newTo);
    }

    // Where each line starts, so an offset's line is a binary search away.
    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    private static int lineOf(int[] starts, int offset) {
        int found = Arrays.binarySearch(starts, offset);
        return found >= 0 ? found : -found - 2;
    }

    // Lines without their endings; a final newline does not start another line.
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
