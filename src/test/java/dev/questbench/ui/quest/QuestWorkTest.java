package dev.questbench.ui.quest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DirectTaskRunner;
import dev.questbench.ui.testing.QueueExecutor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Summary's Work section from a real journal: parallel edits, a failed one, and tool counts. */
class QuestWorkTest {
    @TempDir
    Path dir;

    @Test
    void countsChangedFilesAndToolsAcrossParallelCalls() {
        try (Store store = Store.open(dir.resolve("data"))) {
            Quest quest = Quest.create("Q", "Q", null, QuestMode.AGENT, QuestEnvironment.LOCAL, Instant.now());
            store.quests().create(quest);
            String id = quest.id();
            List<JournalEntry> uses = store.journal().appendAll(id, List.of(
                    use("Write", "src/a.txt"), use("Edit", "src/b.txt"), use("Edit", "src/c.txt"),
                    new QuestEvent.AgentToolUse("Bash", JsonNodeFactory.instance.objectNode().put("command", "ls"),
                            Decision.Permission.ALLOW)));
            store.journal().appendAll(id, List.of(
                    new QuestEvent.AgentToolResult(uses.get(1).id(), List.of(), false, 1L),
                    new QuestEvent.AgentToolResult(uses.get(0).id(), List.of(), false, 1L),
                    new QuestEvent.AgentToolResult(uses.get(2).id(), List.of(), true, 1L),
                    new QuestEvent.AgentToolResult(uses.get(3).id(), List.of(), false, 1L)));

            QuestSummaryViewModel summary = new QuestSummaryViewModel(store, new DirectTaskRunner(),
                    new QueueExecutor());
            summary.show(id);
            QuestWork work = summary.workProperty().get();
            assertEquals(List.of("src/b.txt", "src/a.txt"), work.changedFiles(),
                    "results arrive in any order; a failed edit does not count");
            assertEquals("2 × Edit, 1 × Bash, 1 × Write", work.toolsText());
            summary.close();
        }
    }

    private static QuestEvent.AgentToolUse use(String tool, String file) {
        return new QuestEvent.AgentToolUse(tool, JsonNodeFactory.instance.objectNode().put("file_path", file),
                Decision.Permission.ALLOW);
    }
}
