package dev.questbench.bench;

import dev.questbench.workspace.diff.DiffParser;
import dev.questbench.workspace.diff.DiffScope;
import dev.questbench.workspace.diff.Diffs;
import dev.questbench.workspace.diff.FileDiff;
import dev.questbench.workspace.git.Git;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The diff budget of the workspace issue: parsing real {@code git diff} output of a 200-file, 20,000-changed-line
 * change (under 100 ms, under 50 MB), and the All Uncommitted scope end to end on the same repository.
 */
public final class DiffBench implements BenchMain.Benchmark {
    private static final int FILES = 200;
    private static final int LINES_PER_FILE = 300;
    private static final int HUNKS_PER_FILE = 10;
    private static final int REPLACED_PER_HUNK = 5;
    private static final int WARM_UP = 200;
    private static final int RUNS = 50;
    private static final int END_TO_END_RUNS = 10;

    @Override
    public void run() throws Exception {
        Git git = Git.locate(System.getenv());
        Path dir = Files.createTempDirectory("qb-diff-bench");
        try {
            byte[] output = prepare(git, dir);
            parse(output);
            endToEnd(git, dir);
        } finally {
            delete(dir);
        }
    }

    /** 200 files of 300 lines, committed, then 10 hunks of 5 replaced lines each; half of the files staged. */
    private static byte[] prepare(Git git, Path dir) throws IOException {
        git.output(dir, "init", "-q");
        git.output(dir, "config", "user.name", "Bench");
        git.output(dir, "config", "user.email", "bench@example.com");
        git.output(dir, "config", "core.autocrlf", "false");
        for (int f = 0; f < FILES; f++) {
            Files.createDirectories(dir.resolve(name(f)).getParent());
            Files.writeString(dir.resolve(name(f)), content(f, false));
        }
        git.output(dir, "add", "-A");
        git.output(dir, "commit", "-q", "-m", "base");
        List<String> stage = new ArrayList<>(List.of("add", "--"));
        for (int f = 0; f < FILES; f++) {
            Files.writeString(dir.resolve(name(f)), content(f, true));
            if (f % 2 == 0) {
                stage.add(name(f));
            }
        }
        git.output(dir, stage.toArray(String[]::new));
        List<String> args = new ArrayList<>(List.of("diff"));
        args.addAll(Diffs.FLAGS);
        args.add("HEAD");
        return git.checked(dir, args, Map.of(), null).stdout();
    }

    private static void parse(byte[] output) {
        long cold = System.nanoTime();
        List<FileDiff> check = DiffParser.parse(output);
        System.out.printf("first parse in a fresh JVM (cold): %.1f ms%n", (System.nanoTime() - cold) / 1e6);
        int changed = check.stream().mapToInt(file -> file.additions() + file.deletions()).sum();
        long lines = check.stream().flatMap(file -> file.hunks().stream()).mapToLong(hunk -> hunk.lines().size())
                .sum();
        long hunks = check.stream().mapToLong(file -> file.hunks().size()).sum();
        System.out.printf("input: %d files, %,d hunks, %,d changed lines, %,d diff lines, %,d bytes of git diff%n",
                check.size(), hunks, changed, lines, output.length);
        if (check.size() != FILES || changed != FILES * HUNKS_PER_FILE * REPLACED_PER_HUNK * 2) {
            throw new IllegalStateException("unexpected parse: " + check.size() + " files, " + changed + " lines");
        }
        int sink = 0;
        for (int i = 0; i < WARM_UP; i++) {
            sink += DiffParser.parse(output).size();
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            sink += DiffParser.parse(output).size();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double median = nanos[RUNS / 2] / 1e6;
        double p99 = nanos[(int) Math.ceil(RUNS * 0.99) - 1] / 1e6;
        System.out.printf("DiffParser.parse: median %.2f ms, p99 %.2f ms over %d parses (budget < 100 ms) -> %s%n",
                median, p99, RUNS, p99 < 100 ? "PASS" : "FAIL");

        long allocated = allocatedBy(() -> DiffParser.parse(output));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        List<FileDiff> kept = DiffParser.parse(output);
        long retained = usedAfterGc(memory) - before;
        Reference.reachabilityFence(kept);
        System.out.printf("memory: %.1f MB retained by the parsed result, %.1f MB allocated per parse "
                        + "(budget < 50 MB) -> %s%n", retained / 1e6, allocated / 1e6,
                Math.max(retained, allocated) < 50_000_000 ? "PASS" : "FAIL");
        if (sink == 42) {
            System.out.println();
        }
    }

    /** All Uncommitted (half the files staged), and Current Quest from HEAD as if it were the first checkpoint. */
    private static void endToEnd(Git git, Path dir) {
        Diffs diffs = new Diffs(git);
        Path shadows = dir.resolveSibling(dir.getFileName() + "-shadows");
        String head = git.output(dir, "rev-parse", "HEAD").strip();
        for (DiffScope scope : List.of(DiffScope.ALL_UNCOMMITTED, DiffScope.CURRENT_QUEST)) {
            int files = 0;
            for (int i = 0; i < 3; i++) {
                files = diffs.diff(dir, scope, head, shadows).size();
            }
            long[] nanos = new long[END_TO_END_RUNS];
            for (int i = 0; i < END_TO_END_RUNS; i++) {
                long start = System.nanoTime();
                files = diffs.diff(dir, scope, head, shadows).size();
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf("Diffs.diff(%s) end to end (git calls + parse, %d entries): median %.1f ms, max %.1f ms"
                    + " over %d runs%n", scope, files, nanos[END_TO_END_RUNS / 2] / 1e6,
                    nanos[END_TO_END_RUNS - 1] / 1e6, END_TO_END_RUNS);
        }
    }

    /** Bytes this thread allocated while running {@code work}, where the JVM can tell (HotSpot). */
    private static long allocatedBy(Runnable work) {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads) {
            long id = Thread.currentThread().getId();
            long before = threads.getThreadAllocatedBytes(id);
            work.run();
            return threads.getThreadAllocatedBytes(id) - before;
        }
        return -1;
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static String name(int file) {
        return "src/pkg" + (file % 10) + "/File" + file + ".java";
    }

    private static String content(int file, boolean changed) {
        StringBuilder text = new StringBuilder();
        int spacing = LINES_PER_FILE / HUNKS_PER_FILE;
        for (int line = 0; line < LINES_PER_FILE; line++) {
            boolean replaced = changed && line % spacing >= 10 && line % spacing < 10 + REPLACED_PER_HUNK;
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
        Path shadows = dir.resolveSibling(dir.getFileName() + "-shadows");
        if (Files.exists(shadows)) {
            delete(shadows);
        }
    }
}
