package dev.questbench.engine;

import static org.junit.jupiter.api.Assertions.fail;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.store.Store;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/** A real store in a temp folder plus an executor over a scripted backend, and waiting helpers. */
final class EngineFixture implements AutoCloseable {
    final Store store;
    final ScriptedBackend backend;
    final QuestExecutor executor;

    EngineFixture(Path dir, int limit, ScriptedBackend.Script script) {
        store = Store.open(dir);
        store.settings().set(QuestExecutor.CONCURRENCY, limit);
        backend = new ScriptedBackend(script);
        executor = new QuestExecutor(store, List.of(backend), Notifier.NONE);
        executor.start();
    }

    static Quest quest(String prompt) {
        Quest quest = Quest.create(null, prompt, null, QuestMode.AGENT, QuestEnvironment.LOCAL, Instant.now());
        return quest.withBackend(ScriptedBackend.KIND, null, quest.createdAt());
    }

    String start(String prompt) {
        return executor.create(quest(prompt)).id();
    }

    QuestStatus status(String questId) {
        return store.quests().summary(questId).orElseThrow().status();
    }

    void awaitStatus(String questId, QuestStatus expected) {
        await(() -> status(questId) == expected, () -> "status of " + questId + " is " + status(questId)
                + ", expected " + expected + "; events " + types(questId));
    }

    List<String> types(String questId) {
        return store.journal().readAfter(questId, null, 10_000).stream().map(JournalEntry::type).toList();
    }

    static void await(BooleanSupplier condition, java.util.function.Supplier<String> message) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(message.get());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    @Override
    public void close() {
        executor.close();
        store.close();
    }
}
