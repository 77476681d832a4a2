package dev.questbench.workspace.actions;

import dev.questbench.workspace.diff.ChangeKind;
import dev.questbench.workspace.diff.DiffLine;
import dev.questbench.workspace.diff.FileDiff;
import dev.questbench.workspace.diff.Hunk;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds patches that {@code git apply} accepts (without {@code --recount} or {@code --unidiff-zero}) from the
 * review's diff model: one hunk, or a whole file.
 *
 * <p>Known limit: line text is written as UTF-8, so a hunk in a file that is not UTF-8 only applies when the diff
 * parser kept its bytes intact; otherwise {@code git apply --check} refuses it and nothing changes.
 */
public final class Patches {
    private static final String NO_NEWLINE = "\\ No newline at end of file\n";
    private static final String REGULAR_FILE = "100644";

    private Patches() {
    }

    /**
     * A patch with only this hunk, applicable on its own: the new-side start is moved back by what the file's
     * earlier hunks added or removed. For a renamed or copied file it changes the content at the new path and
     * leaves the rename alone; an added or deleted file keeps its creation or deletion header.
     */
    public static byte[] forHunk(FileDiff file, Hunk hunk) {
        return forHunk(file, hunk, false);
    }

    /**
     * Like {@link #forHunk(FileDiff, Hunk)}; with {@code withRename} a renamed or copied file's patch also carries
     * the rename (or copy), for a target that still has only the old path (staging a hunk of an unstaged rename).
     */
    public static byte[] forHunk(FileDiff file, Hunk hunk, boolean withRename) {
        requireLines(file);
        boolean moved = withRename && file.oldPath() != null && file.newPath() != null
                && (file.kind() == ChangeKind.RENAMED || file.kind() == ChangeKind.COPIED);
        String path = file.path();
        String oldName = file.kind() == ChangeKind.ADDED ? null : moved ? file.oldPath() : path;
        String newName = file.kind() == ChangeKind.DELETED ? null : path;
        StringBuilder out = new StringBuilder();
        out.append("diff --git ").append(quoted("a/", oldName != null ? oldName : path)).append(' ')
                .append(quoted("b/", path)).append('\n');
        if (oldName == null) {
            out.append("new file mode ").append(mode(file.newMode())).append('\n');
        } else if (newName == null) {
            out.append("deleted file mode ").append(mode(file.oldMode())).append('\n');
        } else if (moved) {
            appendMove(out, file);
        }
        appendFileNames(out, oldName, newName);
        appendHunk(out, hunk, hunk.newStart() - shiftBefore(file, hunk));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A patch with the whole file change: creation, deletion, rename or copy, mode change and every hunk. */
    public static byte[] forFile(FileDiff file) {
        requireLines(file);
        String oldPath = file.oldPath() != null ? file.oldPath() : file.newPath();
        String newPath = file.newPath() != null ? file.newPath() : file.oldPath();
        StringBuilder out = new StringBuilder();
        out.append("diff --git ").append(quoted("a/", oldPath)).append(' ').append(quoted("b/", newPath))
                .append('\n');
        switch (file.kind()) {
            case ADDED -> out.append("new file mode ").append(mode(file.newMode())).append('\n');
            case DELETED -> out.append("deleted file mode ").append(mode(file.oldMode())).append('\n');
            default -> {
                if (file.oldMode() != null && file.newMode() != null && !file.oldMode().equals(file.newMode())) {
                    out.append("old mode ").append(file.oldMode()).append('\n');
                    out.append("new mode ").append(file.newMode()).append('\n');
                }
            }
        }
        if (file.kind() == ChangeKind.RENAMED || file.kind() == ChangeKind.COPIED) {
            appendMove(out, file);
        }
        if (!file.hunks().isEmpty()) {
            appendFileNames(out, file.kind() == ChangeKind.ADDED ? null : oldPath,
                    file.kind() == ChangeKind.DELETED ? null : newPath);
            for (Hunk hunk : file.hunks()) {
                appendHunk(out, hunk, hunk.newStart());
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A path as git writes it in a patch: unchanged when plain, otherwise in double quotes with C escapes and octal
     * bytes for non-ASCII and control characters ({@code "a/caf\303\251.txt"}).
     */
    static String quoted(String prefix, String path) {
        byte[] bytes = (prefix + path).getBytes(StandardCharsets.UTF_8);
        boolean plain = true;
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                plain = false;
                break;
            }
        }
        if (plain) {
            return prefix + path;
        }
        StringBuilder out = new StringBuilder("\"");
        for (byte b : bytes) {
            int c = b & 0xff;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case 7 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case 11 -> out.append("\\v");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c >= 0x7f) {
                        out.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)))
                                .append((char) ('0' + (c & 7)));
                    } else {
                        out.append((char) c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static void requireLines(FileDiff file) {
        if (file.binary() || file.tooLarge()) {
            throw new IllegalArgumentException(file.path() + " is " + (file.binary() ? "a binary file" : "too large "
                    + "to diff line by line") + ": it has no line patch; stage or discard it as a whole file.");
        }
    }

    private static void appendMove(StringBuilder out, FileDiff file) {
        String verb = file.kind() == ChangeKind.RENAMED ? "rename" : "copy";
        if (file.similarity() >= 0) {
            out.append("similarity index ").append(file.similarity()).append("%\n");
        }
        out.append(verb).append(" from ").append(quoted("", file.oldPath())).append('\n');
        out.append(verb).append(" to ").append(quoted("", file.newPath())).append('\n');
    }

    private static void appendFileNames(StringBuilder out, String oldName, String newName) {
        out.append("--- ").append(label("a/", oldName)).append('\n');
        out.append("+++ ").append(label("b/", newName)).append('\n');
    }

    /** Like git: a name with a space ends with a tab so the reader knows where it stops. */
    private static String label(String prefix, String path) {
        if (path == null) {
            return "/dev/null";
        }
        return quoted(prefix, path) + (path.indexOf(' ') >= 0 ? "\t" : "");
    }

    private static void appendHunk(StringBuilder out, Hunk hunk, int newStart) {
        List<DiffLine> lines = hunk.lines();
        int oldCount = 0;
        int newCount = 0;
        for (DiffLine line : lines) {
            if (line.type() != DiffLine.Type.ADDED) {
                oldCount++;
            }
            if (line.type() != DiffLine.Type.REMOVED) {
                newCount++;
            }
        }
        // counted from the lines, so the header always agrees with the body git apply reads
        out.append("@@ -").append(hunk.oldStart()).append(',').append(oldCount)
                .append(" +").append(newStart).append(',').append(newCount).append(" @@");
        String section = hunk.section() == null ? "" : hunk.section().replaceAll("[\r\n]", "").strip();
        if (!section.isEmpty()) {
            out.append(' ').append(section);
        }
        out.append('\n');
        for (DiffLine line : lines) {
            char marker = switch (line.type()) {
                case CONTEXT -> ' ';
                case ADDED -> '+';
                case REMOVED -> '-';
            };
            out.append(marker).append(line.text()).append('\n');
            if (line.noNewlineAtEnd()) {
                out.append(NO_NEWLINE);
            }
        }
    }

    /** How many lines the file's hunks before this one added (minus removed): their effect on its new start. */
    private static int shiftBefore(FileDiff file, Hunk hunk) {
        int index = file.hunks().indexOf(hunk);
        int shift = 0;
        for (int i = 0; i < Math.max(index, 0); i++) {
            Hunk earlier = file.hunks().get(i);
            for (DiffLine line : earlier.lines()) {
                if (line.type() == DiffLine.Type.ADDED) {
                    shift++;
                } else if (line.type() == DiffLine.Type.REMOVED) {
                    shift--;
                }
            }
        }
        return shift;
    }

    private static String mode(String mode) {
        return mode == null || mode.isBlank() ? REGULAR_FILE : mode;
    }
}
