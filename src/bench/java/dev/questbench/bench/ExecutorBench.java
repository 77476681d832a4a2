package dev.questbench.bench;

import dev.questbench.agent.TurnResult;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.engine.Notifier;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.engine.ScriptedBackend;
import dev.questbench.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 50 quests run at once by the executor on a scripted backend emitting 200 events/s each, while 10 control
 * sources append straight to the journal at the same rate. Counts every event back out of the journal (none may be lost)
 * and compares emit latencies; the difference is what the executor adds per event.
 */
public final class ExecutorBench implements BenchMain.Benchmark {
    private static final int QUESTS = 50;
    /** Control sources appending directly while the 50 quests run. */
    private static final int DIRECT = 10;
    private static final int RATE = 200;
    private static final int SECONDS = 10;
    private static final int EVENTS = RATE * SECONDS;

    @Override
    public void run() throws Exception {
        Path dir = Files.createTempDirectory("qb-exec-bench");
        // Half the emitters go through the executor, half append straight to the journal, at the same time
        // on the same store, so both see the same load and the difference is the executor's own cost.
        long[] viaExecutor = new long[QUESTS * EVENTS];
        long[] direct = new long[DIRECT * EVENTS];
        AtomicLong nextVia = new AtomicLong();
        AtomicLong nextDirect = new AtomicLong();
        CountDownLatch done = new CountDownLatch(QUESTS);
        try (Store store = Store.open(dir)) {
            store.settings().set(QuestExecutor.CONCURRENCY, QUESTS);
            ScriptedBackend backend = new ScriptedBackend(turn -> {
                long start = System.nanoTime();
                for (int i = 0; i < EVENTS; i++) {
                    long t0 = System.nanoTime();
                    turn.emit(QuestEvent.AgentMessage.text("step " + i));
                    viaExecutor[(int) nextVia.getAndIncrement()] = System.nanoTime() - t0;
                    pace(start, i);
                }
                done.countDown();
                return new TurnResult.EndTurn();
            });
            List<String> ids = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            try (QuestExecutor executor = new QuestExecutor(store, List.of(backend), Notifier.NONE)) {
                executor.start();
                long t0 = System.nanoTime();
                for (int q = 0; q < QUESTS; q++) {
                    Quest quest = Quest.create(null, "bench " + q, null, QuestMode.AGENT, QuestEnvironment.LOCAL,
                            Instant.now());
                    ids.add(executor.create(quest.withBackend(ScriptedBackend.KIND, null, quest.createdAt())).id());
                }
                for (int q = 0; q < DIRECT; q++) {
                    Quest plain = Quest.create(null, "direct " + q, null, QuestMode.AGENT, QuestEnvironment.LOCAL,
                            Instant.now());
                    store.quests().create(plain);
                    ids.add(plain.id());
                    Thread thread = new Thread(() -> {
                        long start = System.nanoTime();
                        for (int i = 0; i < EVENTS; i++) {
                            long a = System.nanoTime();
                            store.journal().append(plain.id(), QuestEvent.AgentMessage.text("step " + i));
                            direct[(int) nextDirect.getAndIncrement()] = System.nanoTime() - a;
                            pace(start, i);
                        }
                    });
                    threads.add(thread);
                    thread.start();
                }
                done.await(SECONDS * 6L, TimeUnit.SECONDS);
                for (Thread thread : threads) {
                    thread.join();
                }
                long wall = System.nanoTime() - t0;
                waitReady(store, ids);
                long lost = 0;
                for (String id : ids) {
                    lost += EVENTS - store.journal().readByType(id, java.util.Set.of("agent.message"), 0).size();
                }
                int total = (QUESTS + DIRECT) * EVENTS;
                System.out.printf("%d running quests + %d direct sources x %d events at %d/s each: %d events in "
                        + "%.1f s (%.0f events/s), lost %d -> %s%n", QUESTS, DIRECT, EVENTS, RATE, total, wall / 1e9,
                        total / (wall / 1e9), lost, lost == 0 ? "PASS" : "FAIL");
            }
        }
        double overheadMicros = (mean(viaExecutor) - mean(direct)) / 1_000.0;
        double medianOverheadMicros = (pct(viaExecutor, 50) - pct(direct, 50)) / 1_000.0;
        System.out.printf("direct journal append under load: mean %.1f µs, p50 %.1f µs, p99 %.1f µs%n",
                mean(direct) / 1e3, pct(direct, 50) / 1e3, pct(direct, 99) / 1e3);
        System.out.printf("emit through the executor:        mean %.1f µs, p50 %.1f µs, p99 %.1f µs%n",
                mean(viaExecutor) / 1e3, pct(viaExecutor, 50) / 1e3, pct(viaExecutor, 99) / 1e3);
        System.out.printf("executor overhead per event: mean %.1f µs, median %.1f µs (budget < 50 µs) -> %s%n",
                overheadMicros, medianOverheadMicros, overheadMicros < 50 ? "PASS" : "FAIL");
    }

    private static void waitReady(Store store, List<String> ids) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (String id : ids) {
            while (store.quests().summary(id).orElseThrow().status() != QuestStatus.READY
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
    }

    /** Sleeps so that event i goes out at its slot of a steady rate. */
    private static void pace(long start, int i) {
        long due = start + (long) (i + 1) * 1_000_000_000L / RATE;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static double mean(long[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    private static double pct(long[] values, int percentile) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)];
    }
}
