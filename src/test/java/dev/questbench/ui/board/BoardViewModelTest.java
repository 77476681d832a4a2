package dev.questbench.ui.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.domain.BoardColumn;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.QuestSummary;
import dev.questbench.domain.Workspace;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.QuestQuery;
import dev.questbench.store.Store;
import dev.questbench.ui.common.Debouncer;
import dev.questbench.ui.common.DirectTaskRunner;
import dev.questbench.ui.testing.ManualTaskRunner;
import dev.questbench.ui.testing.QueueExecutor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoardViewModelTest {
    @TempDir
    Path dir;
    private Store store;
    private final QueueExecutor fx = new QueueExecutor();
    private Workspace shop;
    private Workspace docs;

    @BeforeEach
    void openStore() {
        store = Store.open(dir.resolve("data"));
        shop = store.workspaces().open(dir.resolve("shop").toString());
        docs = store.workspaces().open(dir.resolve("docs").toString());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void questsLandInTheColumnOfTheirStatus() {
        String queued = quest("Add pagination", shop, QuestEvent.UserMessage.text("go"));
        String running = quest("Fix login", shop, QuestEvent.UserMessage.text("go"),
                new QuestEvent.SessionStatusRunning());
        String waiting = quest("Migrate DB", docs, QuestEvent.UserMessage.text("go"),
                new QuestEvent.SessionStatusRunning(), QuestEvent.SessionStatusIdle.requiresAction(List.of("evt_1")));
        String failed = quest("Upgrade deps", null, QuestEvent.UserMessage.text("go"),
                QuestEvent.SessionError.of("model", "no model"));
        String done = quest("Write docs", docs, QuestEvent.UserMessage.text("go"),
                new QuestEvent.SessionStatusRunning(), QuestEvent.SessionStatusIdle.endTurn());

        BoardViewModel board = loadedBoard();

        assertEquals(List.of(running, queued).stream().sorted().toList(),
                ids(board, BoardColumn.RUNNING).stream().sorted().toList());
        assertEquals(List.of(failed, waiting).stream().sorted().toList(),
                ids(board, BoardColumn.WAITING).stream().sorted().toList());
        assertEquals(List.of(done), ids(board, BoardColumn.COMPLETED));
        assertEquals(QuestStatus.QUEUED, summaryOf(board, queued).status());
    }

    @Test
    void cardsShowTodoProgressTheLatestStepAndRunningTimeLive() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode command =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("command", "mvn test");
        String running = quest("Fix login", shop, QuestEvent.UserMessage.text("go"),
                new QuestEvent.SessionStatusRunning(),
                new QuestEvent.TodoUpdated(List.of(new QuestEvent.TodoUpdated.TodoItem("a", "completed", "A"),
                        new QuestEvent.TodoUpdated.TodoItem("b", "in_progress", "B"),
                        new QuestEvent.TodoUpdated.TodoItem("c", "pending", "C"))),
                new QuestEvent.AgentToolUse("Bash", command, dev.questbench.domain.event.Decision.Permission.ALLOW));
        String done = quest("Write docs", docs, QuestEvent.UserMessage.text("go"),
                new QuestEvent.SessionStatusRunning(), QuestEvent.SessionStatusIdle.endTurn());

        BoardViewModel board = loadedBoard();
        CardProgress progress = board.progress().get(running);
        assertEquals(1, progress.done());
        assertEquals(3, progress.total());
        assertEquals("Running `mvn test`…", progress.latestStep());
        assertTrue(progress.runningSince() != null, "the turn is running");
        CardProgress finished = board.progress().getOrDefault(done, CardProgress.NONE);
        assertEquals(null, finished.runningSince(), "a finished quest is not running");

        store.journal().append(running, new QuestEvent.AgentToolUse("Edit",
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                        .put("file_path", "src/main/Login.java"), dev.questbench.domain.event.Decision.Permission.ALLOW));
        fx.runUntil(() -> "Editing `Login.java`…".equals(board.progress().get(running).latestStep()),
                () -> "the live step");
        store.journal().append(running, QuestEvent.SessionStatusIdle.endTurn());
        fx.runUntil(() -> board.progress().get(running).runningSince() == null, () -> "the turn ended");
        assertEquals("4m 05s", Elapsed.format(Instant.parse("2026-01-01T10:00:00Z"),
                Instant.parse("2026-01-01T10:04:05Z")));
        board.close();
    }

    @Test
    void statusHistoryListsEachChangeOnce() {
        String id = quest("Fix login", shop, QuestEvent.UserMessage.text("go"), new QuestEvent.SessionStatusRunning(),
                new QuestEvent.SessionStatusRunning(), QuestEvent.SessionStatusIdle.requiresAction(List.of("evt_1")),
                new QuestEvent.SessionStatusRunning(), QuestEvent.SessionStatusIdle.endTurn());
        BoardViewModel board = loadedBoard();
        List<String> seen = new java.util.ArrayList<>();
        board.statusHistory(id, seen::addAll);
        assertEquals(List.of("Running", "Waiting for you", "Running", "Ready"),
                seen.stream().map(line -> line.substring(line.indexOf("  ") + 2)).toList());
        board.close();
    }

    @Test
    void workspaceTabsCountQuestsAndFilterTheColumns() {
        quest("One", shop);
        quest("Two", shop);
        quest("Three", docs);
        quest("Loose", null);

        BoardViewModel board = loadedBoard();

        assertEquals(List.of(new WorkspaceTab(null, "All", 4), new WorkspaceTab(docs.id(), "docs", 1),
                new WorkspaceTab(shop.id(), "shop", 2), new WorkspaceTab(QuestQuery.NO_WORKSPACE, "No workspace", 1)),
                board.tabs());
        board.workspaceFilterProperty().set(shop.id());
        assertEquals(2, total(board));
        board.workspaceFilterProperty().set(QuestQuery.NO_WORKSPACE);
        assertEquals(1, total(board));
        board.workspaceFilterProperty().set(null);
        assertEquals(4, total(board));
    }

    @Test
    void searchFiltersByTitleAndMessageTextAndUpdatesCounts() {
        quest("Add pagination", shop, QuestEvent.UserMessage.text("orders table"));
        quest("Fix login", shop, QuestEvent.UserMessage.text("the login form rejects emails"));
        quest("Write docs", docs, QuestEvent.UserMessage.text("document the orders API"));

        BoardViewModel board = loadedBoard();
        board.searchTextProperty().set("orders");

        assertEquals(2, total(board));
        assertEquals(new WorkspaceTab(null, "All", 2), board.tabs().get(0));
        assertEquals(new WorkspaceTab(shop.id(), "shop", 1), board.tabs().get(2));
    }

    @Test
    void anOlderSearchAnsweringLateIsDropped() {
        quest("Add pagination", shop);
        quest("Fix login", shop);
        ManualTaskRunner tasks = new ManualTaskRunner();
        BoardViewModel board = new BoardViewModel(store, tasks, Debouncer.immediate(), fx);

        board.searchTextProperty().set("pagination");
        board.searchTextProperty().set("login");
        assertEquals(2, tasks.waiting());
        tasks.complete(1); // the newer search ("login") answers first
        tasks.complete(0); // then the older one ("pagination"), which must not win

        assertEquals(List.of("Fix login"), titles(board));
        assertFalse(board.searchingProperty().get());
        board.close();
    }

    @Test
    void liveChangesMoveOneCardBetweenColumns() throws Exception {
        String id = quest("Add pagination", shop, QuestEvent.UserMessage.text("go"));
        BoardViewModel board = loadedBoard();
        assertEquals(List.of(id), ids(board, BoardColumn.RUNNING));

        Thread worker = new Thread(() -> {
            store.journal().append(id, new QuestEvent.SessionStatusRunning());
            store.journal().append(id, QuestEvent.SessionStatusIdle.endTurn());
        });
        worker.start();
        worker.join();
        awaitColumn(board, BoardColumn.COMPLETED, 1);

        assertEquals(List.of(), ids(board, BoardColumn.RUNNING));
        assertEquals(List.of(id), ids(board, BoardColumn.COMPLETED));
        assertEquals(QuestStatus.READY, board.column(BoardColumn.COMPLETED).get(0).status());
    }

    @Test
    void aQuestCreatedElsewhereAppearsAndAnArchivedOneLeaves() throws Exception {
        BoardViewModel board = loadedBoard();
        String id = quest("Created by the server", docs, QuestEvent.UserMessage.text("hello"));
        awaitColumn(board, BoardColumn.RUNNING, 1);
        assertEquals(new WorkspaceTab(docs.id(), "docs", 1), board.tabs().get(1));

        Quest quest = store.quests().get(id).orElseThrow();
        store.quests().update(quest.withArchived(true, Instant.now()));
        awaitColumn(board, BoardColumn.RUNNING, 0);
        assertEquals(0, board.tabs().get(0).count());
    }

    // ---- fixtures ------------------------------------------------------------------------------

    private BoardViewModel loadedBoard() {
        BoardViewModel board = new BoardViewModel(store, new DirectTaskRunner(), Debouncer.immediate(), fx);
        board.reload();
        assertTrue(board.loadedProperty().get());
        fx.runPending(); // notifications of the fixtures' own writes
        return board;
    }

    private String quest(String title, Workspace workspace, QuestEvent... events) {
        Quest quest = Quest.create(title, title, workspace == null ? null : workspace.id(), QuestMode.AGENT,
                QuestEnvironment.LOCAL, Instant.now());
        store.quests().create(quest);
        for (QuestEvent event : events) {
            store.journal().append(quest.id(), event);
        }
        return quest.id();
    }

    private void awaitColumn(BoardViewModel board, BoardColumn column, int size) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (board.column(column).size() != size && System.nanoTime() < deadline) {
            fx.awaitAndRun();
        }
        assertEquals(size, board.column(column).size(), column + " column size");
    }

    private static List<String> ids(BoardViewModel board, BoardColumn column) {
        return board.column(column).stream().map(QuestSummary::id).toList();
    }

    private static List<String> titles(BoardViewModel board) {
        return java.util.Arrays.stream(BoardColumn.values()).flatMap(c -> board.column(c).stream())
                .map(s -> s.quest().title()).toList();
    }

    private static int total(BoardViewModel board) {
        Map<BoardColumn, Integer> sizes = board.columnSizes();
        return sizes.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static QuestSummary summaryOf(BoardViewModel board, String id) {
        return java.util.Arrays.stream(BoardColumn.values()).flatMap(c -> board.column(c).stream())
                .filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }
}
