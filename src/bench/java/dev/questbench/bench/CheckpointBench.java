package dev.questbench.bench;

import dev.questbench.workspace.checkpoint.Checkpoints;
import dev.questbench.workspace.git.Git;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checkpoint cost on a 10,000-file repository (200 folders) after 50 files changed and a few were added: the first
 * checkpoint, then 10 more with 50 new changes each (median and max). The same for a plain folder with a shadow
 * repository, whose first checkpoint hashes every file. Budget: median under 300 ms. Also times reverting all
 * those turns at once.
 */
public final class CheckpointBench implements BenchMain.Benchmark {
    private static final int FOLDERS = 200;
    private static final int FILES_PER_FOLDER = 50;
    private static final int CHANGED = 50;
    private static final int ADDED = 5;
    private static final int REPEATS = 10;
    private static final double BUDGET_MS = 300;

    @Override
    public void run() throws Exception {
        Path root = Files.createTempDirectory("qb-checkpoint-bench");
        try {
            Git git = Git.locate(System.getenv());
            Checkpoints checkpoints = new Checkpoints(git, root.resolve("data/checkpoints"));
            System.out.println("git " + git.version() + ", " + FOLDERS * FILES_PER_FOLDER + " files in " + FOLDERS
                    + " folders, " + CHANGED + " changed + " + ADDED + " added per turn");

            Path repo = root.resolve("repo");
            long t0 = System.nanoTime();
            createFiles(repo);
            git.output(repo, "init", "-q", "-b", "main");
            git.output(repo, "add", "-A");
            git.output(repo, "-c", "user.name=Bench", "-c", "user.email=bench@localhost", "commit", "-q", "-m",
                    "files");
            System.out.printf("built and committed the repository in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            measure("git repository", repo, checkpoints);

            Path plain = root.resolve("plain");
            createFiles(plain);
            measure("plain folder (shadow repository)", plain, checkpoints);
        } finally {
            deleteTree(root);
        }
    }

    private static void measure(String what, Path folder, Checkpoints checkpoints) throws IOException {
        int turn = 1;
        change(folder, turn);
        long start = System.nanoTime();
        String first = checkpoints.take(folder, "qst_BENCH", turn).commit();
        double firstMs = (System.nanoTime() - start) / 1e6;
        List<Double> later = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            change(folder, ++turn);
            start = System.nanoTime();
            checkpoints.take(folder, "qst_BENCH", turn);
            later.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(later);
        double median = (later.get(REPEATS / 2 - 1) + later.get(REPEATS / 2)) / 2;
        double max = later.get(REPEATS - 1);
        System.out.printf("%s: first checkpoint %.0f ms; next %d: median %.0f ms, max %.0f ms (budget < %.0f ms)"
                + " -> %s%n", what, firstMs, REPEATS, median, max, BUDGET_MS, median < BUDGET_MS ? "PASS" : "FAIL");
        start = System.nanoTime();
        checkpoints.restore(folder, "qst_BENCH", first);
        System.out.printf("%s: reverting %d turns (%d files changed, %d added) %.0f ms%n", what, REPEATS,
                Math.min(REPEATS * CHANGED, FOLDERS * FILES_PER_FOLDER), REPEATS * ADDED,
                (System.nanoTime() - start) / 1e6);
    }

    private static void createFiles(Path root) throws IOException {
        for (int d = 0; d < FOLDERS; d++) {
            Path dir = Files.createDirectories(root.resolve("module" + d / 20).resolve("pkg" + d));
            for (int f = 0; f < FILES_PER_FOLDER; f++) {
                Files.writeString(dir.resolve("File" + f + ".java"),
                        "class File" + f + " { int folder = " + d + "; }\n");
            }
        }
    }

    /** A turn's work: 50 files changed (a different set each turn) and a few new ones. */
    private static void change(Path root, int turn) throws IOException {
        for (int i = 0; i < CHANGED; i++) {
            int n = (turn * CHANGED + i) * 7 % (FOLDERS * FILES_PER_FOLDER);
            int d = n / FILES_PER_FOLDER;
            Path file = root.resolve("module" + d / 20).resolve("pkg" + d).resolve("File" + n % FILES_PER_FOLDER
                    + ".java");
            Files.writeString(file, "class Changed { int turn = " + turn + "; }\n");
        }
        for (int i = 0; i < ADDED; i++) {
            Files.writeString(root.resolve("module0/pkg0/New" + turn + "_" + i + ".java"), "class New {}\n");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
