package dev.questbench.review.ai;

import dev.questbench.workspace.diff.DiffLine;
import dev.questbench.workspace.diff.FileDiff;
import dev.questbench.workspace.diff.Hunk;
import java.util.ArrayList;
import java.util.List;

/**
 * The diff as a model reads it: unified-diff text with each line's new-side number in a left column, cut to a
 * character budget. Known limit: files past the budget are left out whole and only named in a note.
 */
record DiffText(String text, List<String> paths) {

    static DiffText render(List<FileDiff> files, int maxChars) {
        StringBuilder out = new StringBuilder();
        List<String> included = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (FileDiff file : files) {
            String rendered = render(file);
            if (out.length() + rendered.length() > maxChars) {
                skipped.add(file.path());
                continue;
            }
            out.append(rendered);
            included.add(file.path());
        }
        if (!skipped.isEmpty()) {
            out.append("\n(Left out to fit the model's context: ").append(String.join(", ", skipped))
                    .append(". Do not report findings in them.)\n");
        }
        return new DiffText(out.toString(), List.copyOf(included));
    }

    static String render(FileDiff file) {
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(file.oldPath() == null ? "/dev/null" : "a/" + file.oldPath()).append('\n');
        out.append("+++ ").append(file.newPath() == null ? "/dev/null" : "b/" + file.newPath()).append('\n');
        if (file.binary() || file.tooLarge()) {
            out.append(file.binary() ? "(binary file)\n" : "(too large to show)\n");
            return out.toString();
        }
        for (Hunk hunk : file.hunks()) {
            out.append(hunk.header()).append('\n');
            for (DiffLine line : hunk.lines()) {
                String number = line.type() == DiffLine.Type.REMOVED ? "" : Integer.toString(line.newNumber());
                char marker = switch (line.type()) {
                    case ADDED -> '+';
                    case REMOVED -> '-';
                    case CONTEXT -> ' ';
                };
                out.append(" ".repeat(Math.max(0, 6 - number.length()))).append(number).append(" |").append(marker)
                        .append(line.text().replace("\r", "")).append('\n');
            }
        }
        return out.toString();
    }
}
