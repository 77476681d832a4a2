package dev.questbench.bench;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.Store;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills a data directory with finished quests for the packaged start-up and memory measurements
 * (src/bench/packaged-side-by-side.sh): {@code StoreSeed <data dir> <quests>}, 40 events each (a prompt, replies,
 * the end of the turn), on the built-in backend so the app treats them as its own.
 */
public final class StoreSeed {
    private static final int EVENTS_PER_QUEST = 40;

    private StoreSeed() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int quests = Integer.parseInt(args[1]);
        try (Store store = Store.open(dir)) {
            for (int q = 0; q < quests; q++) {
                Quest quest = Quest.create("Quest " + q + ": tidy the build scripts", "tidy thing " + q, null,
                        QuestMode.AGENT, QuestEnvironment.LOCAL, Instant.now());
                store.quests().create(quest);
                List<QuestEvent> events = new ArrayList<>(EVENTS_PER_QUEST);
                events.add(QuestEvent.UserMessage.text("Please tidy thing " + q + " and explain what changed."));
                events.add(new QuestEvent.SessionStatusRunning());
                for (int i = 2; i < EVENTS_PER_QUEST - 1; i++) {
                    events.add(QuestEvent.AgentMessage.text("Step " + i + " of quest " + q
                            + ": looked at the files, changed **two** of them, and ran the tests again."));
                }
                events.add(QuestEvent.SessionStatusIdle.endTurn());
                store.journal().appendAll(quest.id(), events);
            }
        }
        System.out.printf("seeded %d quests in %s%n", quests, dir);
    }
}
