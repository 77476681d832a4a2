package dev.questbench.engine;

import static dev.questbench.engine.EngineFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.TurnResult;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.QuestEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestExecutorTest {
    @TempDir
    Path dir;

    @Test
    void admitsNoMoreThanTheLimitAndPinnedQuestsFirst() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> started = java.util.Collections.synchronizedList(new ArrayList<>());
        try (EngineFixture f = new EngineFixture(dir, 2, turn -> {
            started.add(turn.text());
            release.await(10, TimeUnit.SECONDS);
            return new TurnResult.EndTurn();
        })) {
            f.start("a");
            f.start("b");
            await(() -> started.size() == 2, () -> "two running: " + started);
            String c = f.start("c");
            Quest pinned = EngineFixture.quest("d").withPinned(true, java.time.Instant.now());
            f.executor.create(pinned);
            f.awaitStatus(c, QuestStatus.QUEUED);
            assertEquals(List.of(pinned.id(), c), f.executor.admissionOrder(), "pinned quest goes first");
            release.countDown();
            await(() -> started.size() == 4, () -> "all started: " + started);
            assertEquals(java.util.Set.of("d", "c"), java.util.Set.copyOf(started.subList(2, 4)));
            assertEquals(2, f.backend.maxConcurrent.get(), "never more than the limit at once");
            f.awaitStatus(c, QuestStatus.READY);
        }
    }

    @Test
    void turnsOfOneQuestNeverOverlapAndQueuedMessagesArriveAfterTheRound() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> texts = java.util.Collections.synchronizedList(new ArrayList<>());
        try (EngineFixture f = new EngineFixture(dir, 4, turn -> {
            texts.add(turn.text());
            if (turn.text().equals("first")) {
                release.await(10, TimeUnit.SECONDS);
            }
            return new TurnResult.EndTurn();
        })) {
            String id = f.start("first");
            f.awaitStatus(id, QuestStatus.RUNNING);
            f.executor.send(id, "second");
            f.executor.send(id, "third draft");
            List<QueuedMessages.Queued> queued = f.executor.queuedMessages(id);
            assertEquals(2, queued.size());
            f.executor.editQueued(id, queued.get(1).queueId(), "third");
            f.executor.removeQueued(id, queued.get(0).queueId());
            assertEquals(List.of("third"), f.executor.queuedMessages(id).stream().map(QueuedMessages.Queued::text)
                    .toList());
            assertEquals(QuestStatus.RUNNING, f.status(id), "a queued message does not change the status");
            release.countDown();
            await(() -> texts.size() == 2, () -> "second turn ran: " + texts);
            f.awaitStatus(id, QuestStatus.READY);
            assertEquals(List.of("first", "third"), texts);
            assertEquals(1, f.backend.maxConcurrent.get());
            assertTrue(f.executor.queuedMessages(id).isEmpty());
            assertThrows(IllegalStateException.class,
                    () -> f.executor.editQueued(id, queued.get(1).queueId(), "too late"));
        }
    }

    @Test
    void pauseStopsAtTheNextYieldPointAndResumeContinues() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, 4, turn -> {
            if (turn.call().equals("resume")) {
                turn.emit(QuestEvent.AgentMessage.text("continued"));
                return new TurnResult.EndTurn();
            }
            for (int step = 0; step < 1_000; step++) {
                if (turn.context().control().pauseRequested()) {
                    return new TurnResult.Paused();
                }
                turn.emit(QuestEvent.AgentMessage.text("step " + step));
                turn.sleep(10);
            }
            return new TurnResult.EndTurn();
        })) {
            String id = f.start("long work");
            await(() -> f.types(id).contains("agent.message"), () -> "working");
            assertTrue(f.executor.pause(id));
            f.awaitStatus(id, QuestStatus.PAUSED);
            assertTrue(f.executor.resume(id));
            f.awaitStatus(id, QuestStatus.READY);
            List<String> types = f.types(id);
            assertTrue(types.indexOf("quest.paused") < types.indexOf("quest.resumed"), types.toString());
            assertTrue(f.backend.calls.get(f.backend.calls.size() - 1).endsWith(":resume"));
        }
    }

    @Test
    void stopCancelsNowKillsChildProcessesAndLeavesTheQuestReady() throws Exception {
        List<Process> children = new ArrayList<>();
        try (EngineFixture f = new EngineFixture(dir, 4, turn -> {
            Process child = new ProcessBuilder("sleep", "60").start();
            children.add(child);
            turn.session().children.add(child);
            turn.sleep(60_000);
            return new TurnResult.EndTurn();
        })) {
            String id = f.start("sleepy");
            await(() -> !children.isEmpty(), () -> "child started");
            f.awaitStatus(id, QuestStatus.RUNNING);
            assertTrue(f.executor.stop(id));
            f.awaitStatus(id, QuestStatus.READY);
            assertTrue(children.get(0).waitFor(5, TimeUnit.SECONDS), "child process killed");
            QuestEvent last = f.store.journal().readLast(id, 1).get(0).event();
            assertEquals("stopped", ((QuestEvent.SessionStatusIdle) last).stopReason().type());
        }
    }

    @Test
    void errorThenRetryRunsTheTurnAgain() throws Exception {
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        try (EngineFixture f = new EngineFixture(dir, 4, turn -> attempts.incrementAndGet() == 1
                ? new TurnResult.Failed("model_unavailable", "Ollama is not running at localhost:11434", true)
                : new TurnResult.EndTurn())) {
            String id = f.start("try");
            f.awaitStatus(id, QuestStatus.ERROR);
            QuestEvent.SessionError error = (QuestEvent.SessionError) f.store.journal().readLast(id, 1).get(0).event();
            assertEquals("Ollama is not running at localhost:11434", error.error().message());
            assertFalse(f.executor.resume(id), "Resume is for paused or interrupted quests");
            assertTrue(f.executor.retry(id));
            f.awaitStatus(id, QuestStatus.READY);
            assertEquals(2, attempts.get());
        }
    }

    @Test
    void backendCrashBecomesAClearError() {
        try (EngineFixture f = new EngineFixture(dir, 4, turn -> {
            throw new IllegalStateException("socket closed");
        })) {
            String id = f.start("boom");
            f.awaitStatus(id, QuestStatus.ERROR);
            QuestEvent.SessionError error = (QuestEvent.SessionError) f.store.journal().readLast(id, 1).get(0).event();
            assertTrue(error.error().message().contains("socket closed"), error.error().message());
            assertTrue(error.error().retryable());
        }
    }
}
