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
import dev.questbench.store.QuestQuery;
import dev.questbench.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Start-up recovery on a big store: 10,000 quests and 1,000,000 events, of which 100 quests were mid-turn
 * (they must become Interrupted) and 100 were queued (they must be admitted again). Measures opening the
 * store and the executor's recovery separately.
 */
public final class RecoveryBench implements BenchMain.Benchmark {
    private static final int QUESTS = 10_000;
    private static final int EVENTS_PER_QUEST = 100;
    private static final int RUNNING = 100;
    private static final int QUEUED = 100;

    @Override
    public void run() throws Exception {
        Path dir = Files.createTempDirectory("qb-recovery-bench");
        long t0 = System.nanoTime();
        try (Store store = Store.open(dir)) {
            for (int q = 0; q < QUESTS; q++) {
                Quest quest = Quest.create("quest " + q, "do thing " + q, null, QuestMode.AGENT,
                        QuestEnvironment.LOCAL, Instant.now());
                store.quests().create(quest.withBackend(ScriptedBackend.KIND, null, quest.createdAt()));
                List<QuestEvent> events = new ArrayList<>(EVENTS_PER_QUEST);
                events.add(QuestEvent.UserMessage.text("do thing " + q));
                if (q >= QUESTS - QUEUED) {
                    for (int i = 1; i < EVENTS_PER_QUEST; i++) {
                        events.add(new QuestEvent.Paused());
                    }
                    events.set(EVENTS_PER_QUEST - 1, new QuestEvent.Resumed());
                } else {
                    events.add(new QuestEvent.SessionStatusRunning());
                    for (int i = 2; i < EVENTS_PER_QUEST - 1; i++) {
                        events.add(QuestEvent.AgentMessage.text("step " + i + " of quest " + q));
                    }
                    events.add(q < QUESTS - QUEUED - RUNNING ? QuestEvent.SessionStatusIdle.endTurn()
                            : QuestEvent.AgentMessage.text("still working"));
                }
                store.journal().appendAll(quest.id(), events);
            }
        }
        System.out.printf("built %d quests / %d events in %.1f s%n", QUESTS, QUESTS * EVENTS_PER_QUEST,
                (System.nanoTime() - t0) / 1e9);

        long open0 = System.nanoTime();
        try (Store store = Store.open(dir)) {
            long opened = System.nanoTime();
            ScriptedBackend backend = new ScriptedBackend(turn -> new TurnResult.EndTurn());
            try (QuestExecutor executor = new QuestExecutor(store, List.of(backend), Notifier.NONE)) {
                executor.start();
                long recovered = System.nanoTime();
                int interrupted = store.quests().list(new QuestQuery(null, Set.of(QuestStatus.INTERRUPTED), null,
                        true, null, false, 0)).size();
                double openMs = (opened - open0) / 1e6;
                double recoverMs = (recovered - opened) / 1e6;
                System.out.printf("store open %.0f ms, executor recovery %.0f ms, total %.0f ms (budget < 2000 ms)"
                        + " -> %s; %d quests Interrupted (expected %d)%n", openMs, recoverMs, openMs + recoverMs,
                        openMs + recoverMs < 2000 ? "PASS" : "FAIL", interrupted, RUNNING);
            }
        }
    }
}
