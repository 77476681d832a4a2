package dev.questbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.questbench.agent.TurnResult;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkTest {
    @TempDir
    Path dir;

    @Test
    void copiesTheTranscriptUpToAnEventWithReferencesRewritten() {
        try (EngineFixture f = new EngineFixture(dir, 4, turn -> {
            JournalEntry use = turn.emit(new QuestEvent.AgentToolUse("Read",
                    JsonNodeFactory.instance.objectNode().put("file_path", "a.txt"), Decision.Permission.ALLOW));
            turn.emit(new QuestEvent.AgentToolResult(use.id(), ContentBlock.textList("hello"), false, 3L));
            turn.emit(QuestEvent.AgentMessage.text("read " + turn.text()));
            return new TurnResult.EndTurn();
        })) {
            String id = f.start("one");
            f.awaitStatus(id, QuestStatus.READY);
            f.executor.send(id, "two");
            EngineFixture.await(() -> f.types(id).stream().filter("agent.message"::equals).count() == 2
                    && f.status(id) == QuestStatus.READY, () -> "second turn done");
            List<JournalEntry> original = f.store.journal().readAfter(id, null, 1000);
            JournalEntry firstAnswer = original.stream().filter(e -> e.type().equals("agent.message"))
                    .findFirst().orElseThrow();

            Quest fork = f.executor.fork(id, firstAnswer.id());
            List<JournalEntry> copied = f.store.journal().readAfter(fork.id(), null, 1000);
            List<String> expectedTypes = original.stream().map(JournalEntry::type).toList()
                    .subList(0, original.indexOf(firstAnswer) + 1);
            assertEquals(expectedTypes, copied.stream().map(JournalEntry::type).toList().subList(0,
                    expectedTypes.size()));
            JournalEntry copiedUse = copied.stream().filter(e -> e.type().equals("agent.tool_use")).findFirst()
                    .orElseThrow();
            QuestEvent.AgentToolResult copiedResult = (QuestEvent.AgentToolResult) copied.stream()
                    .filter(e -> e.type().equals("agent.tool_result")).findFirst().orElseThrow().event();
            assertEquals(copiedUse.id(), copiedResult.toolUseId(), "the result points at the copied tool use");
            assertNotEquals(id, fork.id());
            assertEquals(QuestStatus.READY, f.status(fork.id()), "a fork starts idle");
            assertEquals(original.size(), f.store.journal().count(id), "the original is untouched");
            assertThrows(IllegalArgumentException.class, () -> f.executor.fork(id, "evt_missing"));
        }
    }
}
