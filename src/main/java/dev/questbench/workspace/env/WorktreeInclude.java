package dev.questbench.workspace.env;

import dev.questbench.workspace.git.Git;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies the files a repository's {@code .worktreeinclude} names (usually ignored ones such as {@code .env}) into a
 * new worktree. Lines are gitignore-style: plain paths are looked up directly (a folder copies its files), patterns
 * are matched by git against the untracked files. A file the checkout already has is never overwritten.
 * Known limit: patterns make git walk the untracked folders (including big ignored ones such as node_modules);
 * plain paths cost nothing.
 */
final class WorktreeInclude {
    static final String FILE = ".worktreeinclude";

    private final Git git;

    WorktreeInclude(Git git) {
        this.git = git;
    }

    /** Copies the listed files that exist; returns their paths relative to the repository. */
    List<String> copy(Path repo, Path worktree) {
        Path file = repo.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> plain = new ArrayList<>();
        List<String> patterns = new ArrayList<>();
        try {
            for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("!") || line.matches(".*[*?\\[].*")) {
                    patterns.add(line);
                } else {
                    plain.add(line.replaceAll("^/+|/+$", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
        Set<String> wanted = new LinkedHashSet<>();
        Path root = repo.toAbsolutePath().normalize();
        for (String path : plain) {
            Path source = root.resolve(path).normalize();
            if (!source.startsWith(root) || source.equals(root) || root.relativize(source).startsWith(".git")) {
                continue; // never outside the repository, never git's own files
            }
            if (Files.isDirectory(source)) {
                wanted.addAll(FileCopies.filesUnder(root, source));
            } else if (Files.exists(source)) {
                wanted.add(root.relativize(source).toString());
            }
        }
        if (!patterns.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("ls-files", "-z", "--others", "--ignored"));
            patterns.forEach(pattern -> args.add("--exclude=" + pattern));
            wanted.addAll(FileCopies.paths(git.checked(repo, args, Map.of(), null).stdout()));
        }
        List<String> copied = new ArrayList<>();
        for (String path : wanted) {
            if (!Files.exists(worktree.resolve(path), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                FileCopies.copy(repo, worktree, path);
                copied.add(path);
            }
        }
        return copied;
    }
}
