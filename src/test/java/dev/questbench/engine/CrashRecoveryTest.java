package dev.questbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.TurnResult;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.Store;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashRecoveryTest {
    @TempDir
    Path dir;

    @Test
    void killMinusNineLosesNoAcknowledgedEventAndTheQuestBecomesInterrupted() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingChild.class.getName(), dir.toString())
                .redirectError(dir.resolve("child-stderr.txt").toFile())
                .start();
        String questId = null;
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < 300 && (line = out.readLine()) != null) {
                if (line.startsWith("QUEST ")) {
                    questId = line.substring(6);
                } else if (line.startsWith("ACK ")) {
                    acknowledged.add(line.substring(4));
                }
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no clean close
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        }
        assertEquals(300, acknowledged.size(), () -> "child output ended early: " + stderr());
        assertNotNull(questId);

        try (Store store = Store.open(dir)) {
            for (String id : acknowledged) {
                assertTrue(store.journal().get(id).isPresent(), "acknowledged event " + id + " survived");
            }
            assertEquals(QuestStatus.RUNNING, store.quests().summary(questId).orElseThrow().status());
        }
        try (EngineFixture f = new EngineFixture(dir, 4, turn -> {
            turn.emit(QuestEvent.AgentMessage.text("picked up again"));
            return new TurnResult.EndTurn();
        })) {
            assertEquals(QuestStatus.INTERRUPTED, f.status(questId));
            assertTrue(f.executor.resume(questId));
            f.awaitStatus(questId, QuestStatus.READY);
            assertTrue(f.backend.calls.get(0).endsWith(":resume"), f.backend.calls.toString());
            List<String> messages = f.store.journal().readByType(questId, Set.of("agent.message"), 0)
                    .stream().map(e -> QuestEvent.AgentMessage.class.cast(e.event()).content().get(0).text()).toList();
            assertTrue(messages.size() >= acknowledged.size() + 1, "nothing acknowledged went missing");
            assertEquals("picked up again", messages.get(messages.size() - 1));
        }
    }

    private String stderr() {
        try {
            return java.nio.file.Files.readString(dir.resolve("child-stderr.txt"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    @Test
    void queuedQuestsAreAdmittedAgainAtStart() {
        // A quest queued by the UI (quest row + user.message) while no executor ran.
        String queued;
        try (Store store = Store.open(dir)) {
            var quest = EngineFixture.quest("queued by the dialog");
            store.quests().create(quest);
            store.journal().append(quest.id(), QuestEvent.UserMessage.text("queued by the dialog"));
            queued = quest.id();
            assertEquals(QuestStatus.QUEUED, store.quests().summary(queued).orElseThrow().status());
        }
        try (EngineFixture f = new EngineFixture(dir, 4, turn -> new TurnResult.EndTurn())) {
            f.awaitStatus(queued, QuestStatus.READY);
            assertEquals(List.of(queued + ":send:queued by the dialog"), f.backend.calls);
        }
    }
}
