package dev.questbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DirectTaskRunner;
import dev.questbench.ui.quest.QuestActions;
import dev.questbench.ui.testing.AnsweringDialogs;
import dev.questbench.ui.testing.QueueExecutor;
import dev.questbench.ui.testing.TestEngine;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Panes beside the conversation on a real store: at most three, expand and restore, remembered across windows. */
class QuestTilesViewModelTest {
    @TempDir
    Path dir;

    @Test
    void opensUpToThreePanesExpandsOneAndRemembersThem() throws Exception {
        AnsweringDialogs dialogs = new AnsweringDialogs();
        dialogs.failOnError = false;
        QueueExecutor fx = new QueueExecutor();
        try (Store store = Store.open(dir.resolve("data"));
             TestEngine engine = new TestEngine(store, (goal, summary, round) -> null, List.of())) {
            String a = quest(store, "A");
            String b = quest(store, "B");
            String c = quest(store, "C");
            String d = quest(store, "D");
            QuestActions actions = new QuestActions(engine.executor(), new DirectTaskRunner(), dialogs, id -> { });
            QuestTilesViewModel tiles = new QuestTilesViewModel(store, engine.parts, new DirectTaskRunner(), dialogs,
                    fx, actions);
            tiles.open(a);
            tiles.open(b);
            tiles.open(a); // already open
            tiles.open(c);
            tiles.open(d);
            assertEquals(List.of(a, b, c), tiles.openIds());
            assertEquals(1, dialogs.errors.size(), "the fourth extra pane is refused with what to do");
            assertTrue(dialogs.errors.get(0).contains("Close a pane"), dialogs.errors.get(0));
            fx.runPending();
            assertEquals("B", tiles.tiles().get(1).conversation().rows().stream()
                    .filter(row -> row instanceof dev.questbench.ui.quest.TranscriptRow.Message).map(row ->
                            ((dev.questbench.ui.quest.TranscriptRow.Message) row).text()).findFirst().orElse(""),
                    "each pane shows its own quest");

            tiles.toggleExpanded(b);
            assertEquals(b, tiles.expandedProperty().get());
            tiles.close(a);
            tiles.close();

            QuestTilesViewModel again = new QuestTilesViewModel(store, engine.parts, new DirectTaskRunner(), dialogs,
                    fx, actions);
            again.restore();
            assertEquals(List.of(b, c), again.openIds(), "remembered across windows");
            assertEquals(b, again.expandedProperty().get());
            again.toggleExpanded(b);
            assertEquals("", again.expandedProperty().get());
            again.close();
        }
    }

    private static String quest(Store store, String title) {
        Quest quest = Quest.create(title, title, null, QuestMode.AGENT, QuestEnvironment.LOCAL, Instant.now());
        store.quests().create(quest);
        store.journal().append(quest.id(), QuestEvent.UserMessage.text(title));
        return quest.id();
    }
}
