package dev.questbench.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.QuestQuery;
import dev.questbench.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The journal budgets of issue 2 on a fresh store in a temporary folder: batched and one-by-one durable
 * appends, the last page of a 100,000-event quest, and text search over 1,000 quests with messages.
 */
public final class JournalBench implements BenchMain.Benchmark {
    private static final int BATCH = 100;
    private static final int BIG_QUEST = 100_000;
    private static final int SINGLES = 5_000;
    private static final int READS = 2_000;
    private static final int SEARCH_QUESTS = 1_000;
    private static final int MESSAGES_PER_QUEST = 10;
    private static final String[] WORDS = ("pagination orders table login oauth cookie redirect migrate schema index"
            + " refactor parser lexer tokens render preview markdown invoice payment retry timeout cache eviction"
            + " thread pool deadlock flaky test coverage build gradle maven docker compose deploy rollback").split(" ");

    @Override
    public void run() throws Exception {
        Path dir = Files.createTempDirectory("qb-journal-bench");
        try (Store store = Store.open(dir)) {
            warmUp(store);
            batched(store);
            oneByOne(store, 1);
            oneByOne(store, 4);
            search(store);
        } finally {
            delete(dir);
        }
    }

    private static void warmUp(Store store) throws Exception {
        Quest quest = quest(store, "warm-up");
        for (int i = 0; i < 50; i++) {
            store.journal().appendAll(quest.id(), events(i, BATCH));
            store.journal().append(quest.id(), event(i));
            store.journal().readLast(quest.id(), 100);
        }
    }

    /** 100,000 small events in appendAll batches of 100 into one quest, then its last page read many times. */
    private static void batched(Store store) {
        Quest quest = quest(store, "big quest");
        long start = System.nanoTime();
        for (int i = 0; i < BIG_QUEST; i += BATCH) {
            store.journal().appendAll(quest.id(), events(i, BATCH));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = BIG_QUEST / seconds;
        System.out.printf("batched appends (%d per appendAll): %,d events in %.2f s = %,.0f events/s (budget >= 20,000)"
                + " -> %s%n", BATCH, BIG_QUEST, seconds, rate, rate >= 20_000 ? "PASS" : "FAIL");

        long[] reads = new long[READS];
        for (int i = 0; i < READS; i++) {
            long t0 = System.nanoTime();
            int size = store.journal().readLast(quest.id(), 100).size();
            reads[i] = System.nanoTime() - t0;
            if (size != 100) {
                throw new IllegalStateException("last page has " + size + " events");
            }
        }
        report("last page (100) of a 100,000-event quest", reads, 20);
    }

    /** Durable one-by-one appends (each returns after its commit) from {@code threads} threads, each its own quest. */
    private static void oneByOne(Store store, int threads) throws Exception {
        List<Quest> quests = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            quests.add(quest(store, "singles " + threads + "/" + t));
        }
        int perThread = SINGLES / threads;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (Quest quest : quests) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        store.journal().append(quest.id(), event(i));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = perThread * threads / seconds;
            System.out.printf("one-by-one durable appends, %d thread(s): %,d events in %.2f s = %,.0f events/s"
                    + " (budget >= 2,000) -> %s%n", threads, perThread * threads, seconds, rate,
                    rate >= 2_000 ? "PASS" : "FAIL");
        } finally {
            pool.shutdown();
        }
    }

    /** 1,000 quests with 10 messages each; one- and two-word prefix searches. */
    private static void search(Store store) {
        Random random = new Random(42);
        for (int q = 0; q < SEARCH_QUESTS; q++) {
            Quest quest = quest(store, sentence(random, 4) + " ticket" + q);
            List<QuestEvent> messages = new ArrayList<>();
            for (int m = 0; m < MESSAGES_PER_QUEST; m++) {
                messages.add(m % 2 == 0 ? QuestEvent.UserMessage.text(sentence(random, 12))
                        : QuestEvent.AgentMessage.text(sentence(random, 30)));
            }
            store.journal().appendAll(quest.id(), messages);
        }
        // The vocabulary is small, so most words are in nearly every quest: the worst case, ~1,000 rows back.
        long[] broad = new long[400];
        int found = 0;
        for (int i = 0; i < broad.length; i++) {
            String word = WORDS[i % WORDS.length];
            String text = i % 2 == 0 ? word.substring(0, Math.min(4, word.length()))
                    : word + " " + WORDS[(i * 7) % WORDS.length].substring(0, 3);
            long t0 = System.nanoTime();
            found += store.quests().list(QuestQuery.ALL.withText(text)).size();
            broad[i] = System.nanoTime() - t0;
        }
        System.out.printf("search: %,d quests / %,d messages; broad queries return %,d quests on average%n",
                SEARCH_QUESTS, SEARCH_QUESTS * MESSAGES_PER_QUEST, found / broad.length);
        report("search over 1,000 quests, broad words (1-2 words, prefix)", broad, 50);
        // A selective query, as when looking for one quest: "ticket42" also matches ticket420-429 as a prefix.
        long[] selective = new long[400];
        found = 0;
        for (int i = 0; i < selective.length; i++) {
            long t0 = System.nanoTime();
            found += store.quests().list(QuestQuery.ALL.withText("ticket" + (i % 100))).size();
            selective[i] = System.nanoTime() - t0;
        }
        System.out.printf("selective queries return %,d quests on average%n", found / selective.length);
        report("search over 1,000 quests, selective word", selective, 50);
    }

    private static void report(String what, long[] nanos, double budgetMillis) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2] / 1e6;
        double p99 = sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6;
        System.out.printf("%s: median %.2f ms, p99 %.2f ms, max %.2f ms over %,d runs (budget < %.0f ms) -> %s%n",
                what, median, p99, sorted[sorted.length - 1] / 1e6, sorted.length, budgetMillis,
                p99 < budgetMillis ? "PASS" : "FAIL");
    }

    private static Quest quest(Store store, String title) {
        return store.quests().create(Quest.create(title, title, null, QuestMode.AGENT, QuestEnvironment.LOCAL,
                Instant.now())).quest();
    }

    /** Small events as a turn produces them: thinking, tool use, message (about 100–200 bytes of JSON each). */
    private static QuestEvent event(int i) {
        return switch (i % 3) {
            case 0 -> new QuestEvent.AgentThinking("Considering step " + i + " of the plan before editing files");
            case 1 -> new QuestEvent.AgentToolUse("Read", JsonNodeFactory.instance.objectNode()
                    .put("file_path", "src/main/java/App" + i + ".java"), Decision.Permission.ALLOW);
            default -> QuestEvent.AgentMessage.text("Step " + i + " done: updated the orders table query to page");
        };
    }

    private static List<QuestEvent> events(int from, int count) {
        List<QuestEvent> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(event(from + i));
        }
        return out;
    }

    private static String sentence(Random random, int words) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words; i++) {
            out.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return out.toString();
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
