package dev.questbench.workspace.diff;

import dev.questbench.workspace.git.Git;
import dev.questbench.workspace.git.GitException;
import dev.questbench.workspace.git.GitResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The All Uncommitted scope: HEAD → the working tree, as {@code git status} sees it, sorted by path.
 *
 * <p>Staged changes ({@code git diff --cached HEAD}) have {@code staged=true}; unstaged ones ({@code git diff}, index
 * → working tree) and untracked files have {@code staged=false}. A file with both staged and unstaged changes
 * appears twice, the staged entry first: one entry per {@code git status} column. An empty repository (no HEAD yet)
 * is compared with the empty tree.
 *
 * <p>Untracked files are diffed by git itself: they are marked intent-to-add in a temporary copy of the index, so
 * binary detection and rename matching work and the user's index is never written. Known limits: untracked files
 * over {@link DiffParser#MAX_HUNK_BYTES} are not read by git but listed as too large (their lines counted here);
 * untracked nested repositories are not listed.
 */
final class UncommittedChanges {
    private static final int MAX_ARGUMENT_CHARS = 30_000;
    private static final int BINARY_SNIFF = 8_000;

    private final Git git;

    UncommittedChanges(Git git) {
        this.git = git;
    }

    List<FileDiff> list(Path folder) {
        GitResult where = git.run(folder, List.of("rev-parse", "--show-toplevel", "--absolute-git-dir", "--git-path",
                "index"), Diffs.READ_ENV, null, Git.DEFAULT_TIMEOUT);
        List<String> lines = where.ok() ? where.text().lines().toList() : List.of();
        if (lines.size() < 3) {
            throw new GitException(folder + " is not in a git repository, so it has no uncommitted changes to show. "
                    + "Pick Current Quest or Last Turn, or run 'git init' in the folder.", where.exitCode(),
                    where.stderr());
        }
        Path top = Path.of(lines.get(0));
        Path gitDir = Path.of(lines.get(1));
        Path index = folder.resolve(lines.get(2));

        List<FileDiff> files = new ArrayList<>();
        for (FileDiff file : DiffParser.parse(read(top, Diffs.READ_ENV, diff("--cached", base(top))))) {
            files.add(file.withStaged(true));
        }
        List<String> small = new ArrayList<>();
        for (String path : untracked(top)) {
            FileDiff large = largeUntracked(top, path);
            if (large != null) {
                files.add(large);
            } else {
                small.add(path);
            }
        }
        byte[] unstaged = small.isEmpty() ? read(top, Diffs.READ_ENV, diff()) : withIntentToAdd(top, gitDir, index,
                small);
        for (FileDiff file : DiffParser.parse(unstaged)) {
            files.add(file.withStaged(false));
        }
        files.sort(Comparator.comparing(FileDiff::path).thenComparing(file -> !file.staged()));
        return files;
    }

    /** HEAD, or the empty tree in a repository without commits. */
    private String base(Path top) {
        GitResult head = git.run(top, List.of("rev-parse", "-q", "--verify", "HEAD^{commit}"), Diffs.READ_ENV, null,
                Git.DEFAULT_TIMEOUT);
        if (head.ok()) {
            return head.text().strip();
        }
        return git.checked(top, List.of("hash-object", "-t", "tree", "--stdin"), Diffs.READ_ENV, new byte[0]).text()
                .strip();
    }

    /** Untracked, not ignored files; nested repositories ({@code dir/}) are left out. */
    private List<String> untracked(Path top) {
        byte[] out = read(top, Diffs.READ_ENV, List.of("ls-files", "--others", "--exclude-standard", "-z"));
        List<String> paths = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0) {
                String path = new String(out, start, i - start, StandardCharsets.UTF_8);
                if (!path.endsWith("/")) {
                    paths.add(path);
                }
                start = i + 1;
            }
        }
        return paths;
    }

    /** {@code git diff} against a temporary index where the untracked files are marked intent-to-add. */
    private byte[] withIntentToAdd(Path top, Path gitDir, Path index, List<String> untracked) {
        Path temp = null;
        try {
            temp = Files.createTempFile(gitDir, "questbench-index-", "");
            if (Files.isRegularFile(index)) {
                Files.copy(index, temp, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.delete(temp); // git creates it; an empty file is not a valid index
            }
            Map<String, String> env = new HashMap<>(Diffs.READ_ENV);
            env.put("GIT_INDEX_FILE", temp.toString());
            for (List<String> chunk : chunks(untracked)) {
                List<String> args = new ArrayList<>(List.of("add", "--intent-to-add", "--"));
                args.addAll(chunk);
                git.checked(top, args, env, null);
            }
            return read(top, env, diff());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a temporary index in " + gitDir, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                    Files.deleteIfExists(temp.resolveSibling(temp.getFileName() + ".lock"));
                } catch (IOException ignored) {
                    // a stale temporary index is harmless; the next call uses a new name
                }
            }
        }
    }

    /** Paths in groups short enough for any command line. */
    private static List<List<String>> chunks(List<String> paths) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> chunk = new ArrayList<>();
        int chars = 0;
        for (String path : paths) {
            if (!chunk.isEmpty() && chars + path.length() > MAX_ARGUMENT_CHARS) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                chars = 0;
            }
            chunk.add(path);
            chars += path.length() + 1;
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    /** An untracked regular file too large to diff, as a too-large addition, or null. */
    private static FileDiff largeUntracked(Path top, String path) {
        Path file = top.resolve(path);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile() || attributes.size() <= DiffParser.MAX_HUNK_BYTES) {
                return null;
            }
            String mode = Files.isExecutable(file) ? "100755" : "100644";
            LineCount count = LineCount.of(file, BINARY_SNIFF);
            return new FileDiff(null, path, ChangeKind.ADDED, -1, null, mode, count.binary(), true, List.of(),
                    count.lines(), 0, false, false);
        } catch (IOException e) {
            return null; // gone or unreadable: let git report it
        }
    }

    private byte[] read(Path top, Map<String, String> env, List<String> args) {
        return git.checked(top, args, env, null).stdout();
    }

    private static List<String> diff(String... extra) {
        List<String> args = new ArrayList<>(List.of("diff"));
        args.addAll(Diffs.FLAGS);
        args.addAll(List.of(extra));
        return args;
    }
}
