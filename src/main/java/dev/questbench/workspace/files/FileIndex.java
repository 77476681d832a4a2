package dev.questbench.workspace.files;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The files and folders of a workspace for {@code @} completion: built once by walking the folder (honouring
 * {@code .gitignore}, skipping {@code .git}, {@code node_modules}, {@code target} and {@code build}), then queried
 * many times with a fuzzy match. Immutable; build a new one to refresh. Known limit: at most
 * {@link #MAX_ENTRIES} entries, the rest of a larger tree is left out.
 */
public final class FileIndex {
    public static final int MAX_ENTRIES = 300_000;
    static final Set<String> SKIPPED = Set.of(".git", "node_modules", "target", "build");

    /** One result: a workspace-relative path with {@code /} separators (folders end with {@code /}). */
    public record Entry(String path, boolean folder) {
    }

    private final Path root;
    private final String[] paths;
    private final String[] lower;
    private final int[] basenameStarts;
    private final long[] charMasks; // which characters each path holds: most non-matches end on one AND
    private final Instant builtAt;
    private final boolean truncated;

    private FileIndex(Path root, List<String> found, Instant builtAt, boolean truncated) {
        this.root = root;
        this.paths = found.toArray(String[]::new);
        this.lower = new String[paths.length];
        this.basenameStarts = new int[paths.length];
        this.charMasks = new long[paths.length];
        for (int i = 0; i < paths.length; i++) {
            lower[i] = paths[i].toLowerCase(Locale.ROOT);
            basenameStarts[i] = basenameStart(paths[i]);
            charMasks[i] = mask(lower[i]);
        }
        this.builtAt = builtAt;
        this.truncated = truncated;
    }

    /** Walks {@code root} now, on the caller's thread (call it off the FX thread). */
    public static FileIndex build(Path root) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        Walker walker = new Walker(base);
        Files.walkFileTree(base, walker);
        return new FileIndex(base, walker.found, Instant.now(), walker.truncated);
    }

    public Path root() {
        return root;
    }

    public int size() {
        return paths.length;
    }

    public Instant builtAt() {
        return builtAt;
    }

    /** True when the tree had more than {@link #MAX_ENTRIES} entries and some were left out. */
    public boolean truncated() {
        return truncated;
    }

    /**
     * The best {@code limit} matches for the query, best first: basename matches, then consecutive runs and segment
     * starts, then shorter paths. An empty query lists the shallowest entries.
     */
    public List<Entry> search(String query, int limit) {
        String wanted = query == null ? "" : query.strip().replace('\\', '/').toLowerCase(Locale.ROOT);
        PriorityQueue<int[]> best = new PriorityQueue<>(limit + 1, (a, b) -> a[0] != b[0]
                ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
        long wantedMask = mask(wanted);
        for (int i = 0; i < lower.length; i++) {
            if ((charMasks[i] & wantedMask) != wantedMask) {
                continue;
            }
            int score = FuzzyScore.score(wanted, lower[i], paths[i], basenameStarts[i]);
            if (score == FuzzyScore.NO_MATCH) {
                continue;
            }
            if (best.size() < limit) {
                best.add(new int[] {score, i});
            } else if (score > best.peek()[0]) {
                best.poll();
                best.add(new int[] {score, i});
            }
        }
        List<Entry> results = new ArrayList<>(best.size());
        while (!best.isEmpty()) {
            String path = paths[best.poll()[1]];
            results.add(new Entry(path, path.endsWith("/")));
        }
        java.util.Collections.reverse(results);
        return results;
    }

    private static long mask(String text) {
        long mask = 0;
        for (int i = 0; i < text.length(); i++) {
            mask |= 1L << (text.charAt(i) & 63);
        }
        return mask;
    }

    private static int basenameStart(String path) {
        int end = path.endsWith("/") ? path.length() - 1 : path.length();
        return path.lastIndexOf('/', end - 1) + 1;
    }

    /** Depth-first walk keeping one {@link GitIgnore} per open folder. */
    private static final class Walker extends SimpleFileVisitor<Path> {
        private final Path root;
        private final Deque<GitIgnore> rules = new ArrayDeque<>();
        private final List<String> found = new ArrayList<>();
        private boolean truncated;

        Walker(Path root) {
            this.root = root;
            rules.push(GitIgnore.none().withFile("", root.resolve(".git/info/exclude")));
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            String relative = relative(dir);
            if (!relative.isEmpty()) {
                if (SKIPPED.contains(dir.getFileName().toString()) || rules.peek().ignored(relative, true)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (!add(relative + "/")) {
                    return FileVisitResult.TERMINATE;
                }
            }
            rules.push(rules.peek().withFile(relative, dir.resolve(".gitignore")));
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            String relative = relative(file);
            if (attributes.isDirectory() || rules.peek().ignored(relative, false)) {
                return FileVisitResult.CONTINUE;
            }
            return add(relative) ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException failure) {
            return FileVisitResult.CONTINUE; // unreadable or vanished: left out, like git would
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException failure) {
            rules.pop();
            return FileVisitResult.CONTINUE;
        }

        private boolean add(String relative) {
            if (found.size() >= MAX_ENTRIES) {
                truncated = true;
                return false;
            }
            found.add(relative);
            return true;
        }

        private String relative(Path path) {
            return root.relativize(path).toString().replace('\\', '/');
        }
    }
}
