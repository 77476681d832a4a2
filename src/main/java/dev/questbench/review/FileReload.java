package dev.questbench.review;

import dev.questbench.workspace.diff.DiffParser;
import dev.questbench.workspace.diff.Diffs;
import dev.questbench.workspace.diff.FileDiff;
import dev.questbench.workspace.git.Git;
import dev.questbench.workspace.git.GitResult;
import dev.questbench.workspace.git.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One file's diff again after a decision changed it, without re-reading the whole scope: the review's 150 ms
 * budget cannot afford a snapshot of every file. Gives the same entries {@link Diffs} would for those paths.
 *
 * <p>Current Quest and Last Turn compare the checkpoint with a tree holding only the file's paths, built in a
 * temporary index, so the user's index is never written. All Uncommitted runs {@code git diff} on the paths; an
 * untracked path (which plain {@code git diff} does not show) falls back to the whole scope, filtered.
 */
final class FileReload {
    private static final Map<String, String> READ_ENV = Map.of("GIT_OPTIONAL_LOCKS", "0",
            "GIT_LITERAL_PATHSPECS", "1");

    private final Git git;

    FileReload(Git git) {
        this.git = git;
    }

    /** The checkpoint → working tree diff of {@code paths} (relative to the location's work tree). */
    List<FileDiff> sinceCheckpoint(Snapshot.Location location, String checkpoint, List<String> paths) {
        Path dir = tempDir();
        try {
            Map<String, String> env = new HashMap<>(location.env());
            env.putAll(READ_ENV);
            env.put("GIT_INDEX_FILE", dir.resolve("index").toString());
            Path top = location.workTree();
            StringBuilder entries = new StringBuilder();
            List<String> known = new ArrayList<>();
            for (String line : run(top, env, withPaths(List.of("ls-tree", "-z", checkpoint), paths), null)
                    .text().split("\0")) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    String[] fields = line.substring(0, tab).split(" ");
                    entries.append(fields[0]).append(' ').append(fields[2]).append('\t')
                            .append(line.substring(tab + 1)).append('\0');
                    known.add(line.substring(tab + 1));
                }
            }
            if (entries.length() > 0) {
                run(top, env, List.of("update-index", "-z", "--index-info"),
                        entries.toString().getBytes(StandardCharsets.UTF_8));
            }
            List<String> update = paths.stream().filter(path -> known.contains(path)
                    || Files.exists(top.resolve(path), LinkOption.NOFOLLOW_LINKS)).toList();
            if (!update.isEmpty()) {
                run(top, env, withPaths(List.of("update-index", "--add", "--remove"), update), null);
            }
            String tree = run(top, env, List.of("write-tree"), null).text().strip();
            List<String> diff = new ArrayList<>(List.of("diff"));
            diff.addAll(Diffs.FLAGS);
            diff.add(checkpoint);
            diff.add(tree);
            return DiffParser.parse(run(top, env, withPaths(diff, paths), null).stdout());
        } finally {
            delete(dir);
        }
    }

    /**
     * The All Uncommitted entries of {@code paths} in the repository at {@code top}, staged first, or null when a
     * path is untracked (the caller reloads the whole scope).
     */
    List<FileDiff> uncommitted(Path top, List<String> paths) {
        String tracked = run(top, READ_ENV, withPaths(List.of("ls-files", "-z"), paths), null).text();
        for (String path : paths) {
            if (!tracked.contains(path + "\0") && Files.exists(top.resolve(path), LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
        }
        List<String> staged = new ArrayList<>(List.of("diff", "--cached"));
        staged.addAll(Diffs.FLAGS);
        List<String> unstaged = new ArrayList<>(List.of("diff"));
        unstaged.addAll(Diffs.FLAGS);
        List<FileDiff> files = new ArrayList<>();
        DiffParser.parse(run(top, READ_ENV, withPaths(staged, paths), null).stdout())
                .forEach(file -> files.add(file.withStaged(true)));
        DiffParser.parse(run(top, READ_ENV, withPaths(unstaged, paths), null).stdout())
                .forEach(file -> files.add(file.withStaged(false)));
        files.sort(Comparator.comparing(FileDiff::path).thenComparing(file -> !file.staged()));
        return files;
    }

    private GitResult run(Path top, Map<String, String> env, List<String> args, byte[] stdin) {
        return git.checked(top, args, env, stdin);
    }

    private static List<String> withPaths(List<String> args, List<String> paths) {
        List<String> all = new ArrayList<>(args);
        all.add("--");
        all.addAll(paths);
        return all;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("questbench-review");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make a temporary folder for the review: " + e.getMessage(), e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a leftover temporary index is harmless; the OS cleans its temp folder
        }
    }
}
