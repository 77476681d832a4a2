package dev.questbench.ui.schedule;

import dev.questbench.agent.TurnResult;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.engine.Notifier;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.engine.ScriptedBackend;
import dev.questbench.engine.schedule.Scheduler;
import dev.questbench.store.Store;
import dev.questbench.ui.testing.TestEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A real store in a temp folder, a real executor whose built-in agent is the scripted test backend (each
 * turn answers and ends; scheduled quests use the built-in agent), and a real scheduler on a fixed clock
 * without a timer.
 */
final class SchedulerFixture implements AutoCloseable {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Monday 2 March 2026, 08:59 in Berlin. */
    static final Instant MONDAY_0859 = Instant.parse("2026-03-02T07:59:00Z");

    final Store store;
    final ScriptedBackend scripted;
    final QuestExecutor executor;
    final Scheduler scheduler;
    final Clock clock = Clock.fixed(MONDAY_0859, BERLIN);

    SchedulerFixture(Path dir) {
        store = Store.open(dir);
        scripted = new ScriptedBackend(turn -> {
            turn.emit(QuestEvent.AgentMessage.text("done: " + turn.text()));
            return new TurnResult.EndTurn();
        });
        executor = new QuestExecutor(store, List.of(TestEngine.asBuiltin(scripted)), Notifier.NONE);
        executor.start();
        scheduler = new Scheduler(store, executor, Notifier.NONE, clock, null);
        scheduler.start();
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    @Override
    public void close() {
        scheduler.close();
        executor.close();
        store.close();
    }
}
