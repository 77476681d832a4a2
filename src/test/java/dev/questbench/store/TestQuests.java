package dev.questbench.store;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import java.time.Instant;

/** Small builders shared by the store tests. */
final class TestQuests {
    private TestQuests() {
    }

    static Quest quest(String title) {
        return quest(title, null);
    }

    static Quest quest(String title, String workspaceId) {
        return Quest.create(title, "Prompt for " + title, workspaceId, QuestMode.AGENT, QuestEnvironment.LOCAL,
                Instant.now());
    }

    static Quest created(Store store, String title) {
        return store.quests().create(quest(title)).quest();
    }
}
