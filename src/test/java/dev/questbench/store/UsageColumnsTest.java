package dev.questbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestSummary;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.domain.event.QuestEvent.ModelRequestEnd.Usage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageColumnsTest {
    @TempDir
    Path dir;

    @Test
    void tokensAddUpOnAppendSurviveReopenAndMatchARebuild() {
        Quest quest;
        try (Store store = Store.open(dir)) {
            quest = TestQuests.created(store, "costly");
            store.journal().append(quest.id(), new QuestEvent.ModelRequestEnd("m", new Usage(1200, 80, null, null), 9L));
            store.journal().appendAll(quest.id(), List.of(
                    QuestEvent.AgentMessage.text("hi"),
                    new QuestEvent.ModelRequestEnd("m", new Usage(300, 20, 5L, 7L), 4L),
                    new QuestEvent.ModelRequestEnd("m", null, 1L)));
            QuestSummary summary = store.quests().summary(quest.id()).orElseThrow();
            assertEquals(1500, summary.inputTokens());
            assertEquals(100, summary.outputTokens());
        }
        try (Store store = Store.open(dir)) {
            QuestSummary reopened = store.quests().summary(quest.id()).orElseThrow();
            assertEquals(1500, reopened.inputTokens());
            QuestSummary rebuilt = store.quests().rebuildDerived(quest.id());
            assertEquals(reopened, rebuilt);
        }
    }
}
