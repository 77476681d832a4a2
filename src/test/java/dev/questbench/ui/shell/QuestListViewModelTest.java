package dev.questbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.Workspace;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DirectTaskRunner;
import dev.questbench.ui.quest.QuestAction;
import dev.questbench.ui.quest.QuestActions;
import dev.questbench.ui.testing.AnsweringDialogs;
import dev.questbench.ui.testing.QueueExecutor;
import dev.questbench.ui.testing.TestEngine;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestListViewModelTest {
    @TempDir
    Path dir;
    private Store store;
    private final QueueExecutor fx = new QueueExecutor();
    private final AnsweringDialogs dialogs = new AnsweringDialogs();

    @BeforeEach
    void openStore() {
        store = Store.open(dir.resolve("data"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void groupsByWorkspaceWithPinnedFirstAndUnboundLast() throws Exception {
        Workspace zeta = store.workspaces().open(dir.resolve("zeta").toString());
        Workspace alpha = store.workspaces().open(dir.resolve("alpha").toString());
        store.workspaces().open(dir.resolve("empty").toString());
        quest("Older", alpha);
        Thread.sleep(5); // distinct activity times, so "newest first" is observable
        String pinned = quest("Pinned", alpha);
        Thread.sleep(5);
        quest("Newest", alpha);
        quest("In zeta", zeta);
        quest("Loose", null);
        store.quests().update(store.quests().get(pinned).orElseThrow().withPinned(true, Instant.now()));

        QuestListViewModel list = new QuestListViewModel(store, new DirectTaskRunner(), dialogs, fx);
        list.reload();

        assertEquals(List.of("# alpha (3)", "Pinned", "Newest", "Older", "# empty (0)", "# zeta (1)", "In zeta",
                "# No workspace (1)", "Loose"), describe(list));
        list.close();
    }

    @Test
    void deletingThroughTheExecutorAsksFirstAndLiveChangesPatchTheList() throws Exception {
        String id = quest("Throwaway", null);
        QuestListViewModel list = new QuestListViewModel(store, new DirectTaskRunner(), dialogs, fx);
        list.reload();
        try (TestEngine engine = new TestEngine(store, (goal, summary, round) -> null, List.of())) {
            QuestActions actions = new QuestActions(engine.executor(), new DirectTaskRunner(), dialogs, opened -> { });

            dialogs.confirmAnswer = false;
            actions.perform(QuestAction.DELETE, list.summary(id));
            assertEquals(List.of("# No workspace (1)", "Throwaway"), describe(list));

            dialogs.confirmAnswer = true;
            actions.perform(QuestAction.DELETE, list.summary(id));
            while (!describe(list).isEmpty()) {
                fx.awaitAndRun();
            }
            assertEquals(2, dialogs.confirmations);
        }
        list.close();
    }

    @Test
    void countsTheQuestsThatNeedTheUserAndTellsWhenOneFinishesUnseen() throws Exception {
        String asking = quest("Asking", null);
        String failing = quest("Failing", null);
        String running = quest("Running", null);
        store.journal().appendAll(asking, List.of(new QuestEvent.SessionStatusRunning(),
                QuestEvent.SessionStatusIdle.requiresAction(List.of("evt_x"))));
        store.journal().appendAll(failing, List.of(new QuestEvent.SessionStatusRunning(),
                QuestEvent.SessionError.of("model", "down")));
        store.journal().append(running, new QuestEvent.SessionStatusRunning());
        QuestListViewModel list = new QuestListViewModel(store, new DirectTaskRunner(), dialogs, fx);
        List<String> finished = new java.util.ArrayList<>();
        list.setOnFinishedUnseen(summary -> finished.add(summary.id()));
        list.reload();
        assertEquals(2, list.attentionProperty().get(), "Action Required and Error");

        store.journal().append(running, QuestEvent.SessionStatusIdle.endTurn());
        fx.awaitAndRun();
        assertEquals(List.of(running), finished);
        assertEquals(2, list.attentionProperty().get(), "a finished quest that is still read does not count");

        store.quests().update(store.quests().get(running).orElseThrow().withRead(false, Instant.now()));
        fx.awaitAndRun();
        assertEquals(3, list.attentionProperty().get(), "Ready and unread counts");
        list.close();
    }

    private String quest(String title, Workspace workspace) {
        Quest quest = Quest.create(title, title, workspace == null ? null : workspace.id(), QuestMode.AGENT,
                QuestEnvironment.LOCAL, Instant.now());
        store.quests().create(quest);
        store.journal().append(quest.id(), QuestEvent.UserMessage.text(title));
        return quest.id();
    }

    private static List<String> describe(QuestListViewModel list) {
        return list.rows().stream().map(row -> row instanceof QuestListRow.Group group
                ? "# " + group.name() + " (" + group.count() + ")"
                : ((QuestListRow.Item) row).summary().quest().title()).toList();
    }
}
