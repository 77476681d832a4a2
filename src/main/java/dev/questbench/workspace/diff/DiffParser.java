package dev.questbench.workspace.diff;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@code git diff} output into {@link FileDiff}s in one pass over the bytes.
 *
 * <p>It expects what {@link Diffs#FLAGS} makes git print: {@code a/} and {@code b/} prefixes, no colour, no
 * external or textconv drivers, short submodule lines. Paths may be C-quoted with octal escapes (decoded as
 * UTF-8). Hunk text is decoded as UTF-8 with the line break dropped and a {@code \r} kept, so patches can be rebuilt
 * from {@link Hunk#header()} and {@link DiffLine#text()}.
 *
 * <p>Known limits: lines that are not valid UTF-8 are decoded with replacement characters (rebuilding their patch
 * is then not byte-exact); combined diffs ({@code diff --cc}, files with merge conflicts) become a
 * {@link ChangeKind#MODIFIED} entry without hunks.
 */
public final class DiffParser {
    /** Above this many added plus removed lines a file is {@link FileDiff#tooLarge()}: counts kept, hunks dropped. */
    public static final int MAX_CHANGED_LINES = 5_000;
    /** Above this much hunk text a file is {@link FileDiff#tooLarge()} as well. */
    public static final long MAX_HUNK_BYTES = 2L * 1024 * 1024;

    private static final byte[] DIFF_GIT = ByteLines.ascii("diff --git ");
    private static final byte[] DIFF_COMBINED = ByteLines.ascii("diff --cc ");
    private static final byte[] DIFF_COMBINED_LONG = ByteLines.ascii("diff --combined ");
    private static final byte[] DIFF = ByteLines.ascii("diff ");
    private static final byte[] HUNK = ByteLines.ascii("@@ -");
    private static final byte[] INDEX = ByteLines.ascii("index ");
    private static final byte[] MINUS = ByteLines.ascii("--- ");
    private static final byte[] PLUS = ByteLines.ascii("+++ ");
    private static final byte[] NEW_FILE = ByteLines.ascii("new file mode ");
    private static final byte[] DELETED_FILE = ByteLines.ascii("deleted file mode ");
    private static final byte[] OLD_MODE = ByteLines.ascii("old mode ");
    private static final byte[] NEW_MODE = ByteLines.ascii("new mode ");
    private static final byte[] SIMILARITY = ByteLines.ascii("similarity index ");
    private static final byte[] RENAME_FROM = ByteLines.ascii("rename from ");
    private static final byte[] RENAME_TO = ByteLines.ascii("rename to ");
    private static final byte[] COPY_FROM = ByteLines.ascii("copy from ");
    private static final byte[] COPY_TO = ByteLines.ascii("copy to ");
    private static final byte[] BINARY_FILES = ByteLines.ascii("Binary files ");
    private static final byte[] BINARY_PATCH = ByteLines.ascii("GIT binary patch");

    private DiffParser() {
    }

    public static List<FileDiff> parse(String gitDiffOutput) {
        return parse(gitDiffOutput.getBytes(StandardCharsets.UTF_8));
    }

    /** The files of a {@code git diff} output, in its order; text before the first {@code diff} line is skipped. */
    public static List<FileDiff> parse(byte[] gitDiffOutput) {
        ByteLines in = new ByteLines(gitDiffOutput);
        List<FileDiff> files = new ArrayList<>();
        FileEntry file = null;
        while (in.next()) {
            if (in.startsWith(DIFF)) {
                if (file != null) {
                    files.add(file.build());
                }
                file = startFile(in);
            } else if (file != null && in.startsWith(HUNK)) {
                HunkReader.read(in, file);
            } else if (file != null && in.length() > 0) {
                header(in, file);
            }
        }
        if (file != null) {
            files.add(file.build());
        }
        return files;
    }

    /** A new entry for a {@code diff …} line; a combined diff's body is skipped up to the next file. */
    private static FileEntry startFile(ByteLines in) {
        FileEntry file = new FileEntry();
        byte[] buf = in.buf();
        if (in.startsWith(DIFF_GIT)) {
            String[] names = GitPaths.header(buf, in.start() + DIFF_GIT.length, in.stop());
            if (names != null) {
                file.headerOld = names[0];
                file.headerNew = names[1];
            }
            return file;
        }
        int skip = in.startsWith(DIFF_COMBINED) ? DIFF_COMBINED.length
                : in.startsWith(DIFF_COMBINED_LONG) ? DIFF_COMBINED_LONG.length : -1;
        if (skip > 0) {
            String path = GitPaths.whole(buf, in.start() + skip, in.stop());
            file.headerOld = path;
            file.headerNew = path;
        }
        // a combined hunk's lines start with one marker per parent, so none starts with "diff "
        while (in.next()) {
            if (in.startsWith(DIFF)) {
                in.pushBack();
                break;
            }
        }
        return file;
    }

    /** One extended header line between {@code diff --git} and the first hunk. */
    private static void header(ByteLines in, FileEntry file) {
        byte[] buf = in.buf();
        int start = in.start();
        int stop = in.stop();
        if (in.startsWith(INDEX)) {
            int space = stop;
            for (int i = start + INDEX.length; i < stop; i++) {
                if (buf[i] == ' ') {
                    space = i;
                    break;
                }
            }
            if (space < stop) {
                file.indexMode = in.text(space - start + 1);
            }
        } else if (in.startsWith(MINUS)) {
            file.minusPath = GitPaths.strip(GitPaths.whole(buf, start + MINUS.length, stop), "a/");
        } else if (in.startsWith(PLUS)) {
            file.plusPath = GitPaths.strip(GitPaths.whole(buf, start + PLUS.length, stop), "b/");
        } else if (in.startsWith(NEW_FILE)) {
            file.newFile = true;
            file.newMode = in.text(NEW_FILE.length);
        } else if (in.startsWith(DELETED_FILE)) {
            file.deleted = true;
            file.oldMode = in.text(DELETED_FILE.length);
        } else if (in.startsWith(OLD_MODE)) {
            file.oldMode = in.text(OLD_MODE.length);
        } else if (in.startsWith(NEW_MODE)) {
            file.newMode = in.text(NEW_MODE.length);
        } else if (in.startsWith(SIMILARITY)) {
            String percent = in.text(SIMILARITY.length);
            try {
                file.similarity = Integer.parseInt(percent.endsWith("%")
                        ? percent.substring(0, percent.length() - 1) : percent);
            } catch (NumberFormatException e) {
                file.similarity = -1;
            }
        } else if (in.startsWith(RENAME_FROM)) {
            file.renameFrom = GitPaths.whole(buf, start + RENAME_FROM.length, stop);
        } else if (in.startsWith(RENAME_TO)) {
            file.renameTo = GitPaths.whole(buf, start + RENAME_TO.length, stop);
        } else if (in.startsWith(COPY_FROM)) {
            file.copyFrom = GitPaths.whole(buf, start + COPY_FROM.length, stop);
        } else if (in.startsWith(COPY_TO)) {
            file.copyTo = GitPaths.whole(buf, start + COPY_TO.length, stop);
        } else if (in.startsWith(BINARY_FILES)) {
            file.binary = true;
        } else if (in.startsWith(BINARY_PATCH)) {
            file.binary = true;
            skipBinaryPatch(in);
        }
        // anything else ("dissimilarity index", "* Unmerged path", stray text) is not needed
    }

    /** Base85 lines and blank separators up to the next file; none of them starts with "diff ". */
    private static void skipBinaryPatch(ByteLines in) {
        while (in.next()) {
            if (in.startsWith(DIFF)) {
                in.pushBack();
                return;
            }
        }
    }
}
