package dev.questbench.bench;

import dev.questbench.agent.acp.AcpBackend;
import dev.questbench.agent.acp.AcpPreset;
import dev.questbench.agent.acp.AgentPresets;
import dev.questbench.agent.acp.FakeAcpAgent;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.engine.Notifier;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * ACP client overheads against the fake ACP agent (a child JVM): a first turn (process start, initialize,
 * session/new, prompt), a following turn on the running agent, and streamed chunks per second through the
 * transcript to live listeners.
 */
final class AcpBench implements BenchMain.Benchmark {
    private static final int COLD = 5;
    private static final int WARM = 30;
    private static final int CHUNKS = 50_000;

    @Override
    public void run() throws Exception {
        Path dir = Files.createTempDirectory("qb-acp-bench");
        try (Store store = Store.open(dir.resolve("data"))) {
            AcpPreset fake = new AcpPreset("fake", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    List.of("-cp", System.getProperty("java.class.path"), FakeAcpAgent.class.getName()));
            store.settings().set(AgentPresets.SETTING, AgentPresets.DEFAULT.with(fake));
            AtomicLong deltas = new AtomicLong();
            QuestExecutor executor = new QuestExecutor(store, List.of(new AcpBackend(store)), Notifier.NONE);
            executor.subscribeLive((quest, event) -> {
                if (event instanceof QuestEvent.AgentContentBlockDelta) {
                    deltas.incrementAndGet();
                }
            });
            executor.start();
            try {
                List<Double> cold = new ArrayList<>();
                String warmQuest = null;
                for (int i = 0; i < COLD; i++) {
                    long start = System.nanoTime();
                    String id = executor.create(quest("hello")).id();
                    await(store, id);
                    cold.add((System.nanoTime() - start) / 1e6);
                    warmQuest = id;
                }
                List<Double> warm = new ArrayList<>();
                for (int i = 0; i < WARM; i++) {
                    long start = System.nanoTime();
                    executor.send(warmQuest, "again " + i);
                    awaitMessages(store, warmQuest, i + 2);
                    warm.add((System.nanoTime() - start) / 1e6);
                }
                deltas.set(0);
                long start = System.nanoTime();
                executor.send(warmQuest, "stream " + CHUNKS);
                awaitMessages(store, warmQuest, WARM + 2);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("first turn (spawn + initialize + session/new + prompt): median %.0f ms, "
                        + "max %.0f ms over %d%n", median(cold), Collections.max(cold), COLD);
                System.out.printf("next turn on a running agent: median %.1f ms, p90 %.1f ms over %d%n",
                        median(warm), percentile(warm, 0.9), WARM);
                System.out.printf("streaming: %d chunks in %.2f s = %.0f chunks/s, %d live deltas delivered%n",
                        CHUNKS, seconds, CHUNKS / seconds, deltas.get());
            } finally {
                executor.close();
            }
        }
    }

    private static Quest quest(String prompt) {
        Instant now = Instant.now();
        return Quest.create(null, prompt, null, QuestMode.AGENT, QuestEnvironment.LOCAL, now)
                .withBackend(AcpBackend.backendId("fake"), null, now);
    }

    private static void await(Store store, String id) throws InterruptedException {
        while (store.quests().summary(id).orElseThrow().status() != QuestStatus.READY) {
            Thread.sleep(1);
        }
    }

    private static void awaitMessages(Store store, String id, int count) throws InterruptedException {
        while (store.journal().readAfter(id, null, 100_000).stream()
                .filter(e -> e.event() instanceof QuestEvent.AgentMessage).count() < count
                || store.quests().summary(id).orElseThrow().status() != QuestStatus.READY) {
            Thread.sleep(1);
        }
    }

    private static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size())));
    }
}
