package dev.questbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.questbench.agent.TurnResult;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.QuestEvent;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestUsageTest {
    @TempDir
    Path dir;

    @Test
    void sumsTokensPerTurnAndForTheQuest() {
        try (EngineFixture f = new EngineFixture(dir, 4, turn -> {
            for (int call = 1; call <= 2; call++) {
                turn.emit(new QuestEvent.ModelRequestStart("m"));
                turn.emit(new QuestEvent.ModelRequestEnd("m",
                        new QuestEvent.ModelRequestEnd.Usage(100L * call, 10L * call, null, null), 5L));
            }
            return new TurnResult.EndTurn();
        })) {
            String id = f.start("count me");
            f.awaitStatus(id, QuestStatus.READY);
            f.executor.send(id, "again");
            EngineFixture.await(() -> QuestUsage.of(f.store, id).turns().size() == 2
                    && QuestUsage.of(f.store, id).turns().get(1).elapsed() != null, () -> "two turns");
            QuestUsage usage = QuestUsage.of(f.store, id);
            assertEquals(300, usage.turns().get(0).inputTokens());
            assertEquals(30, usage.turns().get(1).outputTokens());
            assertEquals(600, usage.inputTokens());
            assertEquals(60, usage.outputTokens());
            assertEquals(usage.turns().get(0).elapsed().plus(usage.turns().get(1).elapsed()), usage.elapsed());
        }
    }

    @Test
    void aRunningTurnHasNoElapsedTimeYet() {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try (EngineFixture f = new EngineFixture(dir, 4, turn -> {
            release.await();
            return new TurnResult.EndTurn();
        })) {
            String id = f.start("slow");
            f.awaitStatus(id, QuestStatus.RUNNING);
            assertNull(QuestUsage.of(f.store, id).turns().get(0).elapsed());
            release.countDown();
        }
    }
}
