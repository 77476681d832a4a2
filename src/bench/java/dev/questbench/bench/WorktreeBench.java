package dev.questbench.bench;

import dev.questbench.domain.Ids;
import dev.questbench.workspace.env.Worktrees;
import dev.questbench.workspace.git.Git;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Worktree creation in a repository of 10,000 committed files (100 folders of 100 files): {@code Worktrees.create}
 * without uncommitted changes or setup script, next to a plain {@code git worktree add -b}, and with Include
 * uncommitted changes (50 modified files, 10 untracked). Five timed rounds after a warm-up round, the three
 * interleaved, each after a {@code sync} so no run pays for the previous checkout's writes. Budget: create < 3 s.
 */
public final class WorktreeBench implements BenchMain.Benchmark {
    private static final int FOLDERS = 100;
    private static final int FILES_PER_FOLDER = 100;
    private static final int RUNS = 5;
    private static final long BUDGET_MS = 3_000;

    @Override
    public void run() throws Exception {
        Path dir = Files.createTempDirectory("qb-worktree-bench");
        try {
            Git git = Git.locate(System.getenv());
            Path repo = Files.createDirectories(dir.resolve("repo"));
            long built = System.nanoTime();
            buildRepository(git, repo);
            System.out.printf(Locale.ROOT, "git %s; built a repository of %,d files in %.1f s%n", git.version(),
                    FOLDERS * FILES_PER_FOLDER, (System.nanoTime() - built) / 1e9);
            Worktrees worktrees = new Worktrees(git, dir.resolve("worktrees"));

            for (int i = 0; i < 50; i++) {
                Files.writeString(repo.resolve(file(i % FOLDERS, i)), "changed " + i + "\n", StandardCharsets.UTF_8);
            }
            for (int i = 0; i < 10; i++) {
                Files.writeString(repo.resolve("untracked-" + i + ".txt"), "new " + i + "\n", StandardCharsets.UTF_8);
            }
            // rounds interleave the three, so a busy moment of the machine hits them alike
            List<Double> plain = new ArrayList<>();
            List<Double> create = new ArrayList<>();
            List<Double> withChanges = new ArrayList<>();
            for (int round = 0; round <= RUNS; round++) {
                double p = plainAdd(repo, dir.resolve("plain-" + round));
                double c = timedCreate(worktrees, repo, false);
                double u = timedCreate(worktrees, repo, true);
                if (round > 0) { // round 0 warms the JIT and the caches
                    plain.add(p);
                    create.add(c);
                    withChanges.add(u);
                }
            }
            Path largest = worktrees.list(repo).get(0).path();
            long du0 = System.nanoTime();
            long bytes = worktrees.diskUse(largest);
            double duMs = (System.nanoTime() - du0) / 1e6;

            report("plain git worktree add -b", plain, false);
            report("Worktrees.create", create, true);
            report("Worktrees.create + include uncommitted (50 modified, 10 untracked)", withChanges, true);
            System.out.printf(Locale.ROOT, "diskUse of one worktree: %,d bytes in %.0f ms%n", bytes, duMs);
        } finally {
            deleteTree(dir);
        }
    }

    /** A plain `git worktree add -b`, as a user would type it. */
    private static double plainAdd(Path repo, Path target) throws Exception {
        settle();
        long start = System.nanoTime();
        Process add = new ProcessBuilder("git", "worktree", "add", "-q", "-b", target.getFileName().toString(),
                target.toString()).directory(repo.toFile()).inheritIO().start();
        if (add.waitFor() != 0) {
            throw new IllegalStateException("git worktree add failed");
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static double timedCreate(Worktrees worktrees, Path repo, boolean includeUncommitted) throws Exception {
        settle();
        long start = System.nanoTime();
        worktrees.create(repo, Ids.quest(), "Benchmark quest", null, includeUncommitted, line -> { });
        return (System.nanoTime() - start) / 1e6;
    }

    /** Flushes the previous checkout's 10,000 files to disk first, so no run pays for the one before it. */
    private static void settle() throws Exception {
        new ProcessBuilder("sync").inheritIO().start().waitFor();
    }

    private static void report(String what, List<Double> ms, boolean budget) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2);
        double max = sorted.get(sorted.size() - 1);
        System.out.printf(Locale.ROOT, "%-72s median %5.0f ms, max %5.0f ms%s%n", what, median, max,
                budget ? (max < BUDGET_MS ? "  (budget < 3000 ms: PASS)" : "  (budget < 3000 ms: FAIL)") : "");
    }

    private static String file(int folder, int index) {
        return String.format(Locale.ROOT, "src/pkg%03d/File%03d.java", folder, index);
    }

    private static void buildRepository(Git git, Path repo) throws IOException {
        git.output(repo, "init", "-q", "-b", "main");
        git.output(repo, "config", "user.name", "Bench");
        git.output(repo, "config", "user.email", "bench@example.com");
        git.output(repo, "config", "commit.gpgsign", "false");
        for (int folder = 0; folder < FOLDERS; folder++) {
            Files.createDirectories(repo.resolve(String.format(Locale.ROOT, "src/pkg%03d", folder)));
            for (int i = 0; i < FILES_PER_FOLDER; i++) {
                Files.writeString(repo.resolve(file(folder, i)), "package pkg" + folder + ";\n\nclass File" + i
                        + " {\n    int value() {\n        return " + (folder * 1000 + i) + ";\n    }\n}\n",
                        StandardCharsets.UTF_8);
            }
        }
        git.output(repo, "add", "-A");
        git.output(repo, "commit", "-q", "-m", "10,000 files");
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
