package dev.questbench.engine;

import dev.questbench.agent.TurnResult;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.Store;
import java.nio.file.Path;
import java.util.List;

/**
 * Child JVM for the crash test: runs one endless turn and prints {@code ACK <event id>} after each event the
 * journal acknowledged, until the parent kills it with SIGKILL.
 */
public final class CrashingChild {
    private CrashingChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        Store store = Store.open(Path.of(args[0]));
        ScriptedBackend backend = new ScriptedBackend(turn -> {
            for (int i = 0; !turn.stopped(); i++) {
                JournalEntry entry = turn.emit(QuestEvent.AgentMessage.text("working " + i));
                System.out.println("ACK " + entry.id());
                System.out.flush();
                turn.sleep(2);
            }
            return new TurnResult.Stopped();
        });
        QuestExecutor executor = new QuestExecutor(store, List.of(backend), Notifier.NONE);
        executor.start();
        String id = executor.create(EngineFixture.quest("endless")).id();
        System.out.println("QUEST " + id);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE); // workers are daemons; stay alive until the parent kills us
    }
}
