package dev.questbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.domain.Quest;
import dev.questbench.domain.event.EventJson;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paging, type filters, lookups and the refusal of bad appends. */
class EventJournalTest {
    @TempDir
    Path dir;

    @Test
    void pagesForwardAndBackwardOldestFirst() {
        try (Store store = Store.open(dir)) {
            Quest quest = TestQuests.created(store, "Paging");
            List<QuestEvent> events = new ArrayList<>();
            for (int i = 1; i <= 25; i++) {
                events.add(new QuestEvent.AgentThinking("step " + i));
            }
            List<JournalEntry> all = store.journal().appendAll(quest.id(), events);

            assertEquals(all.subList(0, 10), store.journal().readAfter(quest.id(), null, 10));
            assertEquals(all.subList(10, 20), store.journal().readAfter(quest.id(), all.get(9).id(), 10));
            assertEquals(all.subList(20, 25), store.journal().readAfter(quest.id(), all.get(19).id(), 10));
            assertEquals(List.of(), store.journal().readAfter(quest.id(), all.get(24).id(), 10));
            assertEquals(all.subList(15, 25), store.journal().readLast(quest.id(), 10));
            assertEquals(all.subList(5, 15), store.journal().readBefore(quest.id(), all.get(15).id(), 10));
            assertEquals(all.subList(0, 3), store.journal().readBefore(quest.id(), all.get(3).id(), 10));
            assertEquals(all, store.journal().readLast(quest.id(), 0));
        }
    }

    @Test
    void readsByTypeAndById() {
        try (Store store = Store.open(dir)) {
            Quest quest = TestQuests.created(store, "Types");
            Quest other = TestQuests.created(store, "Other");
            List<JournalEntry> all = store.journal().appendAll(quest.id(), List.of(
                    QuestEvent.UserMessage.text("go"), new QuestEvent.SessionStatusRunning(),
                    QuestEvent.AgentMessage.text("one"), new QuestEvent.AgentThinking("hm"),
                    QuestEvent.AgentMessage.text("two"), QuestEvent.SessionStatusIdle.endTurn()));
            store.journal().append(other.id(), QuestEvent.AgentMessage.text("elsewhere"));

            assertEquals(List.of(all.get(2), all.get(4)),
                    store.journal().readByType(quest.id(), Set.of("agent.message"), 0));
            assertEquals(List.of(all.get(0), all.get(2)),
                    store.journal().readByType(quest.id(), Set.of("agent.message", "user.message"), 2));
            assertEquals(List.of(), store.journal().readByType(quest.id(), Set.of(), 0));
            assertEquals(all.get(3), store.journal().get(all.get(3).id()).orElseThrow());
            assertTrue(store.journal().get("evt_missing").isEmpty());
            assertEquals(6, store.journal().count(quest.id()));
            assertEquals(1, store.journal().count(other.id()));
            assertEquals(0, store.journal().count("qst_unknown"));
            assertTrue(all.stream().allMatch(entry -> entry.id().startsWith("evt_")));
        }
    }

    @Test
    void unknownEventTypeIsKeptByteForByte() {
        String json = "{\"type\":\"vendor.future_thing\",\"payload\":{\"nested\":[1,2.5,\"three\",null]},"
                + "\"flag\":true,\"note\":\"ünïcödé\"}";
        String id;
        try (Store store = Store.open(dir)) {
            Quest quest = TestQuests.created(store, "Future");
            QuestEvent unknown = EventJson.read(json);
            assertTrue(unknown instanceof QuestEvent.Unknown);
            id = store.journal().append(quest.id(), unknown).id();
        }
        try (Store store = Store.open(dir)) {
            JournalEntry entry = store.journal().get(id).orElseThrow();
            assertEquals("vendor.future_thing", entry.type());
            assertEquals(json, EventJson.write(entry.event()));
        }
    }

    @Test
    void refusesAppendsToMissingQuestsAndBadArguments() {
        try (Store store = Store.open(dir)) {
            StoreException missing = assertThrows(StoreException.class,
                    () -> store.journal().append("qst_nope", new QuestEvent.AgentThinking("x")));
            assertTrue(missing.getMessage().contains("qst_nope does not exist"), missing.getMessage());
            Quest quest = TestQuests.created(store, "Args");
            assertThrows(IllegalArgumentException.class, () -> store.journal().readLast(quest.id(), -1));
            assertThrows(IllegalArgumentException.class, () -> store.journal().readAfter(quest.id(), "evt_nope", 5));
            // A failed append leaves nothing behind and the next one still gets sequence 1.
            assertEquals(1, store.journal().append(quest.id(), new QuestEvent.AgentThinking("x")).seq());
        }
    }

    @Test
    void aFailingWriteInAGroupCommitDoesNotSinkTheOthers() throws Exception {
        try (Store store = Store.open(dir)) {
            Quest quest = TestQuests.created(store, "Mixed");
            List<Thread> threads = new ArrayList<>();
            List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int t = 0; t < 4; t++) {
                boolean bad = t % 2 == 0;
                threads.add(new Thread(() -> {
                    for (int i = 0; i < 100; i++) {
                        try {
                            store.journal().append(bad ? "qst_missing" : quest.id(), new QuestEvent.AgentThinking("x"));
                        } catch (StoreException e) {
                            failures.add(e);
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join(30_000);
            }
            assertEquals(200, failures.size());
            assertEquals(200, store.journal().count(quest.id()));
            assertEquals(200, store.journal().readLast(quest.id(), 1).get(0).seq());
        }
    }
}
