package dev.questbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.QuestSummary;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes lined up in one group commit: the writer runs them in one transaction without savepoints, and when one
 * fails it rolls back and runs them again one by one, so the bad write still fails alone.
 */
class GroupCommitTest {
    @TempDir
    Path dir;
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aFailingAppendFailsAloneAndTheOthersInItsBatchCommit() throws Exception {
        try (Store store = Store.open(dir)) {
            Quest a = TestQuests.created(store, "Alpha");
            Quest b = TestQuests.created(store, "Bravo");
            Map<String, QuestSummary> lastChange = new ConcurrentHashMap<>();
            store.quests().subscribe(change -> lastChange.put(change.questId(),
                    assertInstanceOf(QuestChange.Upserted.class, change).summary()));
            List<Future<Object>> results = inOneBatch(store, List.of(
                    () -> store.journal().append(a.id(), QuestEvent.UserMessage.text("first zebra")),
                    () -> store.journal().append(b.id(), QuestEvent.UserMessage.text("first yak")),
                    () -> store.journal().append("qst_missing", QuestEvent.UserMessage.text("lost walrus")),
                    () -> store.journal().appendAll(a.id(), List.of(new QuestEvent.SessionStatusRunning(),
                            QuestEvent.AgentMessage.text("second zebra"))),
                    () -> store.journal().append(b.id(), QuestEvent.AgentMessage.text("second yak"))));

            ExecutionException failed = assertThrows(ExecutionException.class, () -> results.get(2).get());
            assertTrue(failed.getCause().getMessage().contains("qst_missing does not exist"), failed.getMessage());
            assertEquals(1, entry(results.get(0)).seq());
            assertEquals(1, entry(results.get(1)).seq());
            assertEquals(List.of(2L, 3L), entries(results.get(3)).stream().map(JournalEntry::seq).toList());
            assertEquals(2, entry(results.get(4)).seq());
            assertEquals(List.of(1L, 2L, 3L), seqs(store, a));
            assertEquals(List.of(1L, 2L), seqs(store, b));
            assertEquals(List.of(a.id()), search(store, "zebra"));
            assertEquals(List.of(b.id()), search(store, "yak"));
            assertEquals(List.of(), search(store, "walrus"));
            // The summaries published from the writer's memory agree with the rows, and it numbers on from there.
            QuestSummary stored = store.quests().summary(a.id()).orElseThrow();
            assertEquals(QuestStatus.RUNNING, stored.status());
            assertEquals(stored, awaitChange(lastChange, a.id(), 3));
            assertEquals(store.quests().summary(b.id()).orElseThrow(), awaitChange(lastChange, b.id(), 2));
            assertEquals(4, store.journal().append(a.id(), new QuestEvent.AgentThinking("x")).seq());
        }
    }

    @Test
    void aFailingOtherWriteFailsAloneBetweenAppends() throws Exception {
        try (Store store = Store.open(dir)) {
            Quest a = TestQuests.created(store, "Alpha");
            List<Future<Object>> results = inOneBatch(store, List.of(
                    () -> store.journal().append(a.id(), QuestEvent.UserMessage.text("one")),
                    () -> store.quests().update(TestQuests.quest("never saved")),
                    () -> store.journal().append(a.id(), QuestEvent.AgentMessage.text("two"))));

            ExecutionException failed = assertThrows(ExecutionException.class, () -> results.get(1).get());
            assertTrue(failed.getCause().getMessage().contains("does not exist"), failed.getMessage());
            assertEquals(1, entry(results.get(0)).seq());
            assertEquals(2, entry(results.get(2)).seq());
            assertEquals(2, store.journal().count(a.id()));
        }
    }

    @Test
    void otherWritesInABatchSeeTheAppendsBeforeThemAndLaterAppendsSeeTheirChanges() throws Exception {
        try (Store store = Store.open(dir)) {
            Quest a = TestQuests.created(store, "Alpha");
            Map<String, QuestSummary> lastChange = new ConcurrentHashMap<>();
            store.quests().subscribe(change -> lastChange.put(change.questId(),
                    assertInstanceOf(QuestChange.Upserted.class, change).summary()));
            Quest renamed = a.withTitle("Renamed", Instant.now());
            List<Future<Object>> results = inOneBatch(store, List.of(
                    () -> store.journal().append(a.id(), QuestEvent.UserMessage.text("one")),
                    () -> store.quests().update(renamed)));

            QuestSummary updated = (QuestSummary) results.get(1).get();
            assertEquals(1, updated.eventCount(), "the update sees the append committed before it");
            assertEquals(2, store.journal().append(a.id(), new QuestEvent.SessionStatusRunning()).seq());
            QuestSummary stored = store.quests().summary(a.id()).orElseThrow();
            assertEquals("Renamed", stored.quest().title());
            assertEquals(2, stored.eventCount());
            assertEquals(QuestStatus.RUNNING, stored.status());
            assertEquals(stored, awaitChange(lastChange, a.id(), 2), "the published change has the new title too");
        }
    }

    @Test
    void committedPagesReachTheDatabaseFileWhileTheStoreIsOpen() throws Exception {
        try (Store store = Store.open(dir)) {
            Quest a = TestQuests.created(store, "Alpha");
            Path file = dir.resolve(Database.FILE_NAME);
            long before = Files.size(file);
            for (int i = 0; i < 200; i++) {
                store.journal().append(a.id(), QuestEvent.AgentMessage.text("message " + i + " " + "x".repeat(200)));
            }
            // Only a checkpoint writes to the database file; the background checkpointer does it long before the
            // WAL reaches its auto-checkpoint size.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (Files.size(file) <= before && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(Files.size(file) > before, "the database file did not grow from " + before);
        }
    }

    /** Holds the writer busy, queues the writes in order, then lets it take them all as one batch. */
    private List<Future<Object>> inOneBatch(Store store, List<Callable<Object>> writes) throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> hold = pool.submit(() -> store.writer().submit("hold the writer", context -> {
            holding.countDown();
            awaitQuietly(release);
            return null;
        }));
        assertTrue(holding.await(10, TimeUnit.SECONDS));
        List<Future<Object>> results = new ArrayList<>();
        for (Callable<Object> write : writes) {
            int queued = store.writer().queued();
            results.add(pool.submit(write));
            while (store.writer().queued() == queued) {
                Thread.sleep(1);
            }
        }
        release.countDown();
        hold.get(10, TimeUnit.SECONDS);
        return results;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JournalEntry entry(Future<Object> result) throws Exception {
        return (JournalEntry) result.get(10, TimeUnit.SECONDS);
    }

    @SuppressWarnings("unchecked")
    private static List<JournalEntry> entries(Future<Object> result) throws Exception {
        return (List<JournalEntry>) result.get(10, TimeUnit.SECONDS);
    }

    private static List<Long> seqs(Store store, Quest quest) {
        return store.journal().readAfter(quest.id(), null, 0).stream().map(JournalEntry::seq).toList();
    }

    private static List<String> search(Store store, String word) {
        return store.quests().list(QuestQuery.ALL.withText(word)).stream().map(QuestSummary::id).toList();
    }

    private static QuestSummary awaitChange(Map<String, QuestSummary> last, String questId, long eventCount)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            QuestSummary summary = last.get(questId);
            if (summary != null && summary.eventCount() == eventCount) {
                return summary;
            }
            Thread.sleep(5);
        }
        return last.get(questId);
    }
}
