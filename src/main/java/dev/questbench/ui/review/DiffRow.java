package dev.questbench.ui.review;

import dev.questbench.workspace.diff.DiffLine;
import java.util.List;

/**
 * One paragraph of a diff area: a file header, a hunk header, a diff line, a filler opposite an unpaired line
 * (side by side), a collapsed run of context, a gap between hunks, or a placeholder. Plain data.
 *
 * @param file      index of the file in the view's list
 * @param hunk      index of the hunk in the file, or -1
 * @param line      index of the line in the hunk (the first hidden one for {@link Kind#COLLAPSED}), or -1
 * @param diffLine  the line shown, for {@link Kind#LINE}
 * @param text      the paragraph's text
 * @param changed   intra-line changed ranges {@code [start, end)} of {@code text}
 * @param count     lines hidden by a {@link Kind#COLLAPSED} or {@link Kind#GAP} row
 */
public record DiffRow(Kind kind, int file, int hunk, int line, DiffLine diffLine, String text, List<int[]> changed,
                      int count) {

    /** What a paragraph shows. */
    public enum Kind { FILE_HEADER, HUNK_HEADER, LINE, FILLER, COLLAPSED, GAP, PLACEHOLDER }

    public int oldNumber() {
        return diffLine == null || diffLine.type() == DiffLine.Type.ADDED ? 0 : diffLine.oldNumber();
    }

    public int newNumber() {
        return diffLine == null || diffLine.type() == DiffLine.Type.REMOVED ? 0 : diffLine.newNumber();
    }

    static DiffRow plain(Kind kind, int file, int hunk, String text) {
        return new DiffRow(kind, file, hunk, -1, null, text, List.of(), 0);
    }
}
