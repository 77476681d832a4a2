package dev.questbench.ui.review;

import dev.questbench.workspace.diff.ChangeKind;
import dev.questbench.workspace.diff.DiffLine;
import dev.questbench.workspace.diff.FileDiff;
import dev.questbench.workspace.diff.Hunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lays files out as rows: unified (one column) or side by side (two columns of equal length, removed lines paired
 * with the added lines that follow them). Runs of context longer than {@link #COLLAPSE_OVER} fold into one
 * "expand" row unless their key is in {@code expanded}. Plain Java, so it can run off the FX thread.
 */
public final class DiffRows {
    /** Context runs longer than this fold, keeping {@link #KEEP} lines at each end. */
    public static final int COLLAPSE_OVER = 8;
    static final int KEEP = 3;

    /** The two columns; for unified both are the same list. */
    public record Layout(List<DiffRow> left, List<DiffRow> right) {
    }

    private DiffRows() {
    }

    /** Key of a foldable context run, as kept in the {@code expanded} set. */
    public static String key(int file, int hunk, int line) {
        return file + ":" + hunk + ":" + line;
    }

    public static Layout layout(List<FileDiff> files, boolean sideBySide, Set<String> expanded) {
        List<DiffRow> left = new ArrayList<>();
        List<DiffRow> right = sideBySide ? new ArrayList<>() : left;
        for (int f = 0; f < files.size(); f++) {
            FileDiff file = files.get(f);
            both(left, right, DiffRow.plain(DiffRow.Kind.FILE_HEADER, f, -1, header(file)), sideBySide);
            if (file.binary()) {
                both(left, right, DiffRow.plain(DiffRow.Kind.PLACEHOLDER, f, -1,
                        "Binary file, not shown — open it from the file list to see it"), sideBySide);
                continue;
            }
            if (file.tooLarge()) {
                both(left, right, DiffRow.plain(DiffRow.Kind.PLACEHOLDER, f, -1, "Too large to show ("
                        + (file.additions() + file.deletions()) + " lines changed); open the file or view it in git"),
                        sideBySide);
                continue;
            }
            int previousOldEnd = 1;
            for (int h = 0; h < file.hunks().size(); h++) {
                Hunk hunk = file.hunks().get(h);
                int gap = hunk.oldStart() - previousOldEnd;
                if (gap > 0 && file.kind() != ChangeKind.ADDED) {
                    DiffRow row = new DiffRow(DiffRow.Kind.GAP, f, h, -1, null, "⋯ " + gap + " unchanged line"
                            + (gap == 1 ? "" : "s"), List.of(), gap);
                    both(left, right, row, sideBySide);
                }
                previousOldEnd = hunk.oldStart() + hunk.oldCount();
                both(left, right, DiffRow.plain(DiffRow.Kind.HUNK_HEADER, f, h, hunk.header()), sideBySide);
                lines(left, right, f, h, hunk.lines(), sideBySide, expanded);
            }
        }
        return new Layout(left, right);
    }

    static String header(FileDiff file) {
        StringBuilder text = new StringBuilder().append(file.kind().letter()).append("  ");
        if ((file.kind() == ChangeKind.RENAMED || file.kind() == ChangeKind.COPIED) && file.oldPath() != null) {
            text.append(file.oldPath()).append(" → ").append(file.newPath());
            if (file.similarity() >= 0) {
                text.append(" (").append(file.similarity()).append("%)");
            }
        } else {
            text.append(file.path());
        }
        text.append("   +").append(file.additions()).append(" −").append(file.deletions());
        if (file.oldMode() != null && file.newMode() != null && !file.oldMode().equals(file.newMode())) {
            text.append("   mode ").append(file.oldMode()).append(" → ").append(file.newMode());
        }
        return text.toString();
    }

    private static void lines(List<DiffRow> left, List<DiffRow> right, int f, int h, List<DiffLine> lines,
                              boolean sideBySide, Set<String> expanded) {
        int i = 0;
        while (i < lines.size()) {
            DiffLine line = lines.get(i);
            if (line.type() == DiffLine.Type.CONTEXT) {
                int end = i;
                while (end < lines.size() && lines.get(end).type() == DiffLine.Type.CONTEXT) {
                    end++;
                }
                context(left, right, f, h, lines, i, end, sideBySide, expanded);
                i = end;
                continue;
            }
            int removedEnd = i;
            while (removedEnd < lines.size() && lines.get(removedEnd).type() == DiffLine.Type.REMOVED) {
                removedEnd++;
            }
            int addedEnd = removedEnd;
            while (addedEnd < lines.size() && lines.get(addedEnd).type() == DiffLine.Type.ADDED) {
                addedEnd++;
            }
            change(left, right, f, h, lines, i, removedEnd, addedEnd, sideBySide);
            i = addedEnd;
        }
    }

    private static void context(List<DiffRow> left, List<DiffRow> right, int f, int h, List<DiffLine> lines,
                                int start, int end, boolean sideBySide, Set<String> expanded) {
        boolean fold = end - start > COLLAPSE_OVER && !expanded.contains(key(f, h, start + KEEP));
        for (int i = start; i < end; i++) {
            if (fold && i == start + KEEP) {
                int hidden = end - start - 2 * KEEP;
                both(left, right, new DiffRow(DiffRow.Kind.COLLAPSED, f, h, i, null, "⋯ expand " + hidden
                        + " unchanged lines", List.of(), hidden), sideBySide);
                i = end - KEEP - 1;
                continue;
            }
            both(left, right, line(f, h, i, lines.get(i), List.of()), sideBySide);
        }
    }

    private static void change(List<DiffRow> left, List<DiffRow> right, int f, int h, List<DiffLine> lines,
                               int start, int removedEnd, int addedEnd, boolean sideBySide) {
        int removed = removedEnd - start;
        int added = addedEnd - removedEnd;
        List<DiffRow> oldRows = new ArrayList<>();
        List<DiffRow> newRows = new ArrayList<>();
        for (int k = 0; k < Math.max(removed, added); k++) {
            DiffLine o = k < removed ? lines.get(start + k) : null;
            DiffLine n = k < added ? lines.get(removedEnd + k) : null;
            WordDiff.Result words = o != null && n != null ? WordDiff.of(text(o), text(n)) : null;
            if (o != null) {
                oldRows.add(line(f, h, start + k, o, words == null ? List.of() : words.oldRanges()));
            }
            if (n != null) {
                newRows.add(line(f, h, removedEnd + k, n, words == null ? List.of() : words.newRanges()));
            }
        }
        if (!sideBySide) {
            left.addAll(oldRows);
            left.addAll(newRows);
            return;
        }
        for (int k = 0; k < Math.max(removed, added); k++) {
            left.add(k < removed ? oldRows.get(k) : DiffRow.plain(DiffRow.Kind.FILLER, f, h, ""));
            right.add(k < added ? newRows.get(k) : DiffRow.plain(DiffRow.Kind.FILLER, f, h, ""));
        }
    }

    private static DiffRow line(int f, int h, int i, DiffLine line, List<int[]> changed) {
        return new DiffRow(DiffRow.Kind.LINE, f, h, i, line, text(line), changed, 0);
    }

    /** The text shown for a line: without the trailing {@code \r} of a CRLF file. */
    static String text(DiffLine line) {
        String text = line.text();
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static void both(List<DiffRow> left, List<DiffRow> right, DiffRow row, boolean sideBySide) {
        left.add(row);
        if (sideBySide) {
            right.add(row);
        }
    }
}
