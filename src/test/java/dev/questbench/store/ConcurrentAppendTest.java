package dev.questbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.questbench.domain.Quest;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Four threads appending at once: every event gets exactly one sequence number, with no gaps. */
class ConcurrentAppendTest {
    private static final int THREADS = 4;
    private static final int PER_THREAD = 300;

    @TempDir
    Path dir;
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void fourThreadsOnOneQuestGetGaplessUniqueSequences() throws Exception {
        try (Store store = Store.open(dir)) {
            Quest quest = TestQuests.created(store, "Busy");
            List<JournalEntry> acknowledged = runAll(thread -> () -> {
                List<JournalEntry> mine = new ArrayList<>();
                for (int i = 0; i < PER_THREAD; i++) {
                    mine.add(store.journal().append(quest.id(), QuestEvent.AgentMessage.text(thread + ":" + i)));
                }
                return mine;
            });
            assertGapless(acknowledged, THREADS * PER_THREAD);
            List<JournalEntry> stored = store.journal().readAfter(quest.id(), null, 0);
            assertGapless(stored, THREADS * PER_THREAD);
            assertEquals(THREADS * PER_THREAD, store.journal().count(quest.id()));
            assertEquals(Set.copyOf(acknowledged), Set.copyOf(stored));
            assertEachThreadInOrder(stored);
        }
    }

    @Test
    void fourThreadsOnSeveralQuestsKeepEachQuestExact() throws Exception {
        try (Store store = Store.open(dir)) {
            List<Quest> quests = List.of(TestQuests.created(store, "A"), TestQuests.created(store, "B"));
            runAll(thread -> () -> {
                for (int i = 0; i < PER_THREAD; i++) {
                    Quest quest = quests.get((thread + i) % quests.size());
                    if (i % 10 == 0) {
                        store.journal().appendAll(quest.id(), List.of(QuestEvent.AgentMessage.text(thread + ":" + i),
                                new QuestEvent.AgentThinking(thread + ":" + i)));
                    } else {
                        store.journal().append(quest.id(), QuestEvent.AgentMessage.text(thread + ":" + i));
                    }
                }
                return List.<JournalEntry>of();
            });
            long total = 0;
            for (Quest quest : quests) {
                List<JournalEntry> stored = store.journal().readAfter(quest.id(), null, 0);
                assertGapless(stored, stored.size());
                assertEquals(stored.size(), store.journal().count(quest.id()));
                assertEquals(stored.size(), store.quests().summary(quest.id()).orElseThrow().eventCount());
                total += stored.size();
            }
            // 300 appends per thread, of which 30 carried two events.
            assertEquals(THREADS * (PER_THREAD + PER_THREAD / 10), total);
        }
    }

    private List<JournalEntry> runAll(IntFunction<Callable<List<JournalEntry>>> work)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<JournalEntry>>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Callable<List<JournalEntry>> job = work.apply(t);
            futures.add(pool.submit(() -> {
                start.await();
                return job.call();
            }));
        }
        start.countDown();
        List<JournalEntry> all = new ArrayList<>();
        for (Future<List<JournalEntry>> future : futures) {
            all.addAll(future.get(60, TimeUnit.SECONDS));
        }
        return all;
    }

    private static void assertGapless(List<JournalEntry> entries, int expected) {
        assertEquals(expected, entries.size());
        assertEquals(LongStream.rangeClosed(1, expected).boxed().toList(),
                entries.stream().map(JournalEntry::seq).sorted().toList());
        Set<String> ids = new HashSet<>();
        entries.forEach(entry -> ids.add(entry.id()));
        assertEquals(expected, ids.size(), "event ids are unique");
    }

    /** Within one thread, appends happen one after the other, so their sequence numbers must rise. */
    private static void assertEachThreadInOrder(List<JournalEntry> stored) {
        int[] last = new int[THREADS];
        Arrays.fill(last, -1);
        for (JournalEntry entry : stored) {
            String[] parts = textOf(entry).split(":");
            int thread = Integer.parseInt(parts[0]);
            int index = Integer.parseInt(parts[1]);
            assertEquals(last[thread] + 1, index, "thread " + thread + " out of order at seq " + entry.seq());
            last[thread] = index;
        }
    }

    private static String textOf(JournalEntry entry) {
        return ContentBlock.plainText(((QuestEvent.AgentMessage) entry.event()).content());
    }
}
