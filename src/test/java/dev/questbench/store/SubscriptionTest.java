package dev.questbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.QuestSummary;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listeners hear committed batches and quest changes, on the notification thread, in commit order. */
class SubscriptionTest {
    private static final String NOTIFY_THREAD = "questbench-store-notify";

    @TempDir
    Path dir;

    @Test
    void journalListenersReceiveCommittedBatchesInOrderOnTheNotificationThread() throws Exception {
        try (Store store = Store.open(dir)) {
            Quest quest = TestQuests.created(store, "Listen");
            BlockingQueue<List<JournalEntry>> batches = new LinkedBlockingQueue<>();
            BlockingQueue<String> threads = new LinkedBlockingQueue<>();
            store.journal().subscribe(batch -> {
                threads.add(Thread.currentThread().getName());
                batches.add(batch);
            });
            List<JournalEntry> first = store.journal().appendAll(quest.id(),
                    List.of(QuestEvent.UserMessage.text("hi"), new QuestEvent.SessionStatusRunning()));
            JournalEntry second = store.journal().append(quest.id(), QuestEvent.AgentMessage.text("hello"));

            List<JournalEntry> received = new ArrayList<>(next(batches));
            received.addAll(next(batches));
            List<JournalEntry> expected = new ArrayList<>(first);
            expected.add(second);
            assertEquals(expected, received);
            assertEquals(NOTIFY_THREAD, next(threads));
        }
    }

    @Test
    void questListenersSeeTheDerivedStatusOfEachCommit() throws Exception {
        try (Store store = Store.open(dir)) {
            BlockingQueue<QuestChange> changes = new LinkedBlockingQueue<>();
            store.quests().subscribe(changes::add);
            Quest quest = TestQuests.created(store, "Status");
            assertEquals(QuestStatus.READY, upserted(next(changes)).status());

            store.journal().append(quest.id(), QuestEvent.UserMessage.text("go"));
            assertEquals(QuestStatus.QUEUED, upserted(next(changes)).status());
            store.journal().append(quest.id(), new QuestEvent.SessionStatusRunning());
            assertEquals(QuestStatus.RUNNING, upserted(next(changes)).status());
            JournalEntry ask = store.journal().append(quest.id(), new QuestEvent.AgentToolUse("Bash", null,
                    Decision.Permission.ASK));
            assertEquals(QuestStatus.RUNNING, upserted(next(changes)).status());
            JournalEntry idle = store.journal().append(quest.id(),
                    QuestEvent.SessionStatusIdle.requiresAction(List.of(ask.id())));
            QuestSummary waiting = upserted(next(changes));
            assertEquals(QuestStatus.ACTION_REQUIRED, waiting.status());
            assertEquals(4, waiting.eventCount());
            assertEquals(idle.processedAt(), waiting.lastActivityAt());

            store.quests().update(quest.withPinned(true, Instant.now()));
            QuestSummary pinned = upserted(next(changes));
            assertEquals(true, pinned.quest().pinned());
            assertEquals(QuestStatus.ACTION_REQUIRED, pinned.status());

            store.quests().delete(quest.id());
            assertEquals(new QuestChange.Deleted(quest.id()), next(changes));
            assertNull(changes.poll(200, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void aThrowingListenerHurtsNeitherOthersNorTheStore() throws Exception {
        try (Store store = Store.open(dir)) {
            Quest quest = TestQuests.created(store, "Robust");
            store.journal().subscribe(batch -> {
                throw new IllegalStateException("listener bug");
            });
            store.quests().subscribe(change -> {
                throw new AssertionError("another listener bug");
            });
            BlockingQueue<List<JournalEntry>> batches = new LinkedBlockingQueue<>();
            BlockingQueue<QuestChange> changes = new LinkedBlockingQueue<>();
            store.journal().subscribe(batches::add);
            store.quests().subscribe(changes::add);
            for (int i = 1; i <= 3; i++) {
                store.journal().append(quest.id(), new QuestEvent.AgentThinking("t" + i));
                assertEquals(i, next(batches).get(0).seq());
                assertEquals(i, upserted(next(changes)).eventCount());
            }
        }
    }

    @Test
    void closingASubscriptionStopsDelivery() throws Exception {
        try (Store store = Store.open(dir)) {
            Quest quest = TestQuests.created(store, "Quiet");
            BlockingQueue<List<JournalEntry>> closed = new LinkedBlockingQueue<>();
            BlockingQueue<List<JournalEntry>> open = new LinkedBlockingQueue<>();
            Subscription subscription = store.journal().subscribe(closed::add);
            store.journal().subscribe(open::add);
            subscription.close();
            store.journal().append(quest.id(), new QuestEvent.AgentThinking("unheard"));
            assertNotNull(next(open));
            assertNull(closed.poll(200, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void statusColumnAlwaysEqualsTheFoldOfTheJournal() {
        try (Store store = Store.open(dir)) {
            Quest quest = TestQuests.created(store, "Fold");
            List<QuestEvent> script = List.of(QuestEvent.UserMessage.text("go"), new QuestEvent.SessionStatusRunning(),
                    QuestEvent.AgentMessage.text("working"), new QuestEvent.Paused(),
                    QuestEvent.SessionStatusIdle.endTurn(), new QuestEvent.Resumed(),
                    new QuestEvent.SessionStatusRunning(), QuestEvent.SessionError.of("overloaded", "Model overloaded"),
                    new QuestEvent.Resumed(), new QuestEvent.Interrupted("app stopped"));
            List<QuestEvent> sofar = new ArrayList<>();
            for (QuestEvent event : script) {
                sofar.add(event);
                store.journal().append(quest.id(), event);
                assertEquals(QuestStatus.derive(sofar), store.quests().summary(quest.id()).orElseThrow().status(),
                        "after " + event.type());
            }
            assertEquals(QuestStatus.INTERRUPTED, store.quests().summary(quest.id()).orElseThrow().status());
        }
    }

    @Test
    void rebuildRecomputesDerivedColumnsFromTheJournal() throws Exception {
        Quest quest;
        try (Store store = Store.open(dir)) {
            quest = TestQuests.created(store, "Rebuild");
            store.journal().appendAll(quest.id(), List.of(QuestEvent.UserMessage.text("needle in a haystack"),
                    new QuestEvent.SessionStatusRunning(), QuestEvent.AgentMessage.text("x".repeat(80_000))));
        }
        // Damage the derived columns and the search index behind the store's back.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("questbench.db"));
             Statement statement = connection.createStatement()) {
            statement.execute("UPDATE quests SET status = 'ERROR', event_count = 99, last_activity_at = 0");
            statement.execute("DELETE FROM message_text");
        }
        try (Store store = Store.open(dir)) {
            QuestSummary rebuilt = store.quests().rebuildDerived(quest.id());
            assertEquals(QuestStatus.RUNNING, rebuilt.status());
            assertEquals(3, rebuilt.eventCount());
            assertEquals(store.journal().readLast(quest.id(), 1).get(0).processedAt(), rebuilt.lastActivityAt());
            assertEquals(List.of(quest.id()), store.quests().list(QuestQuery.ALL.withText("haystack")).stream()
                    .map(QuestSummary::id).toList());
        }
    }

    private static <T> T next(BlockingQueue<T> queue) throws InterruptedException {
        T value = queue.poll(5, TimeUnit.SECONDS);
        assertNotNull(value, "nothing delivered within 5 s");
        return value;
    }

    private static QuestSummary upserted(QuestChange change) {
        return assertInstanceOf(QuestChange.Upserted.class, change).summary();
    }
}
