package dev.questbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void groupsSortsFiltersSearchesMessagesAndResets() throws Exception {
        Workspace shop = store.workspaces().open(dir.resolve("shop").toString());
        String login = quest("Fix login", shop);
        Thread.sleep(5);
        String report = quest("Write report", null);
        store.journal().append(report, QuestEvent.AgentMessage.text("The quarterly numbers include the refund "
                + "totals from the payment provider, as you asked."));
        Thread.sleep(5);
        String old = quest("Archived idea", null);
        store.quests().update(store.quests().get(old).orElseThrow().withArchived(true, Instant.now()));
        QuestListViewModel list = new QuestListViewModel(store, new DirectTaskRunner(), dialogs, fx);
        list.reload();
        assertEquals(List.of("# shop (1)", "Fix login", "# No workspace (1)", "Write report"), describe(list),
                "archived quests are hidden by default");

        list.filterProperty().set(list.filterProperty().get().withGrouping(QuestListFilter.Grouping.NONE)
                .withSort(dev.questbench.store.QuestSort.TITLE).withShowArchived(true));
        assertEquals(List.of("# All quests (3)", "Archived idea", "Fix login", "Write report"), describe(list));

        list.filterProperty().set(list.filterProperty().get().withGrouping(QuestListFilter.Grouping.STATUS)
                .withShowArchived(false));
        assertEquals("# Running (2)", describe(list).get(0), "queued quests are in the Running column");

        list.searchTextProperty().set("refund");
        assertEquals(List.of("# Running (1)", "Write report"), describe(list), "found in a message");
        String snippet = list.snippets().get(report);
        assertTrue(snippet.contains("refund") && snippet.length() < 100, snippet);
        list.searchTextProperty().set("login");
        assertEquals(List.of("# Running (1)", "Fix login"), describe(list));
        assertEquals(null, list.snippets().get(login), "a title match needs no snippet");

        assertTrue(list.filterProperty().get().narrowed());
        list.reset();
        assertEquals(List.of("# shop (1)", "Fix login", "# No workspace (1)", "Write report"), describe(list));
        assertFalse(list.filterProperty().get().narrowed());
        list.close();
    }

    @Test
    void questsWithAPendingScheduleAreMarked() {
        String id = quest("Daily digest", null);
        String other = quest("One-off", null);
        store.schedules().save(dev.questbench.domain.schedule.Schedule.create(new dev.questbench.domain.schedule
                .ScheduleDraft("Digest", new dev.questbench.domain.schedule.ScheduleRule.Daily(
                        java.time.LocalTime.of(9, 0)), "write the digest", null, null, false, id, true, null),
                Instant.now()));
        QuestListViewModel list = new QuestListViewModel(store, new DirectTaskRunner(), dialogs, fx);
        list.reload();
        assertTrue(list.scheduled().contains(id));
        assertFalse(list.scheduled().contains(other));
        list.close();
    }

    @Test
    void exportsTheConversationAsMarkdown() throws Exception {
        String id = quest("Fix login", null);
        store.journal().append(id, QuestEvent.AgentMessage.text("Fixed the redirect."));
        QuestListViewModel list = new QuestListViewModel(store, new DirectTaskRunner(), dialogs, fx);
        list.reload();
        dialogs.saveFileAnswer = dir.resolve("out.md");
        list.exportMarkdown(id);
        String markdown = java.nio.file.Files.readString(dialogs.saveFileAnswer);
        assertTrue(markdown.startsWith("# Fix login\n"), markdown);
        assertTrue(markdown.indexOf("## You") < markdown.indexOf("## Agent"), markdown);
        assertTrue(markdown.contains("Fixed the redirect."), markdown);
        assertEquals("fix-login.md", ConversationMarkdown.fileName("Fix login!"));
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
                : row instanceof QuestListRow.Section section ? "# " + section.name() + " (" + section.count() + ")"
                : ((QuestListRow.Item) row).summary().quest().title()).toList();
    }
}
