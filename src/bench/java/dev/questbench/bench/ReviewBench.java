package dev.questbench.bench;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.review.ReviewSession;
import dev.questbench.store.Store;
import dev.questbench.workspace.checkpoint.Checkpoints;
import dev.questbench.workspace.diff.DiffScope;
import dev.questbench.workspace.diff.FileDiff;
import dev.questbench.workspace.git.Git;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The review issue's budget: rejecting one hunk and getting that file's refreshed diff back in under 150 ms, on a
 * quest that changed 200 files (10 hunks each), in the All Uncommitted and Last Turn scopes; reloading the whole
 * scope is timed beside it for comparison. Each round is undone untimed, so every round rejects the same hunk.
 */
public final class ReviewBench implements BenchMain.Benchmark {
    private static final int FILES = 200;
    private static final int LINES_PER_FILE = 300;
    private static final int HUNKS_PER_FILE = 10;
    private static final int WARM_UP = 3;
    private static final int ROUNDS = 20;
    private static final double BUDGET_MS = 150;

    @Override
    public void run() throws Exception {
        Git git = Git.locate(System.getenv());
        Path root = Files.createTempDirectory("qb-review-bench");
        Path repo = root.resolve("repo");
        try (Store store = Store.open(root.resolve("data"))) {
            Quest quest = Quest.create("Bench", "Bench", null, QuestMode.AGENT, QuestEnvironment.LOCAL,
                    Instant.now());
            store.quests().create(quest);
            prepare(git, repo);
            store.journal().append(quest.id(), new Checkpoints(git, root.resolve("shadows"))
                    .take(repo, quest.id(), 1).event());
            for (int f = 0; f < FILES; f++) {
                Files.writeString(repo.resolve(name(f)), content(f, true));
            }
            for (DiffScope scope : List.of(DiffScope.ALL_UNCOMMITTED, DiffScope.LAST_TURN)) {
                measure(new ReviewSession(store, git, quest.id(), repo, root.resolve("shadows")), scope);
            }
        } finally {
            delete(root);
        }
    }

    private static void measure(ReviewSession session, DiffScope scope) {
        long[] fileNanos = new long[ROUNDS];
        long[] scopeNanos = new long[ROUNDS];
        int files = 0;
        for (int round = -WARM_UP; round < ROUNDS; round++) {
            FileDiff file = only(session.load(scope));
            long start = System.nanoTime();
            session.reject(file, file.hunks().get(HUNKS_PER_FILE / 2), "bench");
            List<FileDiff> reloaded = session.reload(file);
            long end = System.nanoTime();
            check(reloaded);
            session.undoLast();

            file = only(session.load(scope));
            long scopeStart = System.nanoTime();
            session.reject(file, file.hunks().get(HUNKS_PER_FILE / 2), "bench");
            List<FileDiff> everything = session.load(scope);
            long scopeEnd = System.nanoTime();
            check(everything);
            files = everything.size();
            session.undoLast();
            if (round >= 0) {
                fileNanos[round] = end - start;
                scopeNanos[round] = scopeEnd - scopeStart;
            }
        }
        System.out.printf("%s, %d changed files: reject one hunk + reload that file's diff: %s (budget < %.0f ms)"
                        + " -> %s%n", scope, files, figures(fileNanos), BUDGET_MS,
                percentile(fileNanos, 0.99) < BUDGET_MS ? "PASS" : "FAIL");
        System.out.printf("%s, for comparison: reject one hunk + reload the whole scope: %s%n", scope,
                figures(scopeNanos));
    }

    private static FileDiff only(List<FileDiff> files) {
        return files.stream().filter(each -> each.path().equals(name(FILES / 2))).findFirst().orElseThrow();
    }

    private static void check(List<FileDiff> files) {
        long hunks = files.stream().filter(each -> each.path().equals(name(FILES / 2)))
                .mapToLong(each -> each.hunks().size()).sum();
        if (hunks != HUNKS_PER_FILE - 1) {
            throw new IllegalStateException("the reject did not take: " + hunks + " hunks left");
        }
    }

    private static String figures(long[] nanos) {
        return String.format("median %.1f ms, p99 %.1f ms over %d rounds", percentile(nanos, 0.5),
                percentile(nanos, 0.99), nanos.length);
    }

    private static double percentile(long[] nanos, double fraction) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = fraction == 0.5 ? sorted.length / 2 : (int) Math.ceil(sorted.length * fraction) - 1;
        return sorted[index] / 1e6;
    }

    /** 200 files of 300 lines, committed. */
    private static void prepare(Git git, Path dir) throws IOException {
        Files.createDirectories(dir);
        git.output(dir, "init", "-q");
        git.output(dir, "config", "user.name", "Bench");
        git.output(dir, "config", "user.email", "bench@example.com");
        git.output(dir, "config", "core.autocrlf", "false");
        git.output(dir, "config", "commit.gpgsign", "false");
        for (int f = 0; f < FILES; f++) {
            Files.createDirectories(dir.resolve(name(f)).getParent());
            Files.writeString(dir.resolve(name(f)), content(f, false));
        }
        git.output(dir, "add", "-A");
        git.output(dir, "commit", "-q", "-m", "base");
    }

    private static String name(int file) {
        return "src/pkg" + (file % 10) + "/File" + file + ".java";
    }

    /** Ten separate hunks of five replaced lines when {@code changed}. */
    private static String content(int file, boolean changed) {
        StringBuilder text = new StringBuilder();
        int spacing = LINES_PER_FILE / HUNKS_PER_FILE;
        for (int line = 0; line < LINES_PER_FILE; line++) {
            boolean replaced = changed && line % spacing >= 10 && line % spacing < 15;
            text.append("        int value").append(line).append(" = compute(").append(file).append(", \"")
                    .append(replaced ? "changed" : "original").append("\"); // line ").append(line).append('\n');
        }
        return text.toString();
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
