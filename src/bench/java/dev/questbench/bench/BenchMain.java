package dev.questbench.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs the headless benchmarks named on the command line ({@code all} for every one) and prints their
 * figures; {@code docs/PERFORMANCE.md} records them with the command that produced them.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Benchmark> all = new LinkedHashMap<>();
        // Each benchmark registers here: all.put("journal", new JournalBench());
        all.put("journal", new JournalBench());
        all.put("executor", new ExecutorBench());
        all.put("recovery", new RecoveryBench());
        all.put("board", new BoardBench());
        all.put("pulse", new PulseBench());
        all.put("agent", new AgentBench());
        all.put("diff", new DiffBench());
        all.put("checkpoint", new CheckpointBench());
        all.put("worktree", new WorktreeBench());
        all.put("diffview", new DiffViewBench());
        all.put("review", new ReviewBench());
        all.put("server", new ServerBench());
        all.put("acp", new AcpBench());
        all.put("mention", new MentionBench());
        all.put("mcp", new McpBench());
        all.put("preview", new dev.questbench.ui.preview.PreviewBench());
        all.put("conversation", new ConversationBench());
        String wanted = args.length == 0 ? "all" : args[0];
        for (Map.Entry<String, Benchmark> entry : all.entrySet()) {
            if ("all".equals(wanted) || entry.getKey().equals(wanted)) {
                System.out.println("== " + entry.getKey());
                entry.getValue().run();
            }
        }
        System.exit(0);
    }

    /** One benchmark: sets itself up in a temporary folder, prints its figures, cleans up. */
    public interface Benchmark {
        void run() throws Exception;
    }
}
