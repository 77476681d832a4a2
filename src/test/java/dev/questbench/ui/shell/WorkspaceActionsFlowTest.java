package dev.questbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.TurnResult;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestStatus;
import dev.questbench.store.Store;
import dev.questbench.ui.common.FxTaskRunner;
import dev.questbench.ui.testing.AnsweringDialogs;
import dev.questbench.ui.testing.WorkspaceEngine;
import dev.questbench.workspace.env.GitRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window on an engine with its workspace side: Move to local is listed for Worktree quests only, in the
 * header's menu and the quest list's, and moves a real worktree's branch into the workspace.
 */
@ExtendWith(ApplicationExtension.class)
class WorkspaceActionsFlowTest {
    @TempDir
    Path dir;
    private final AnsweringDialogs dialogs = new AnsweringDialogs();
    private Path repo;
    private Store store;
    private WorkspaceEngine engine;
    private FxTaskRunner tasks;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        repo = GitRepos.withCommit(dir.resolve("shop"));
        store = Store.open(dir.resolve("data"));
        engine = new WorkspaceEngine(store, turn -> {
            Files.writeString(turn.context().workingDirectory().resolve("login.txt"), "fixed\n");
            return new TurnResult.EndTurn();
        });
        tasks = new FxTaskRunner(2);
        dialogs.failOnError = false;
        window = new MainWindow(stage, store, engine.parts, tasks, dialogs, false);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.close()).get(10, TimeUnit.SECONDS);
        tasks.close();
        engine.close();
        store.close();
    }

    @Test
    void moveToLocalIsListedForAWorktreeQuestAndMovesItsBranchHome(FxRobot robot) throws Exception {
        String worktree = engine.executor().create(WorkspaceEngine.quest(store, repo, "Fix login",
                QuestEnvironment.WORKTREE)).id();
        Quest local = Quest.create("Tidy up", "Tidy up", store.workspaces().open(repo.toString()).id(),
                QuestMode.AGENT, QuestEnvironment.LOCAL, Instant.now());
        store.quests().create(local);
        waitUntil(() -> status(worktree) == QuestStatus.READY);

        open(local.id());
        assertFalse(moveToLocal(robot).isVisible(), "not for a Local quest");
        assertFalse(listMenu(robot, local.id()).contains("Move to local"));

        open(worktree);
        assertTrue(moveToLocal(robot).isVisible());
        assertFalse(moveToLocal(robot).isDisable());
        assertTrue(listMenu(robot, worktree).contains("Move to local"));
        String branch = engine.workspaces().worktrees().worktreeOf(worktree).orElseThrow().branch();

        robot.clickOn("#quest-more");
        robot.clickOn("Move to local");

        waitUntil(() -> dialogs.infos.size() == 1);
        assertEquals("Moved to local: “Fix login” now works in your workspace, on branch " + branch
                + ". Its worktree was removed.", dialogs.infos.get(0));
        assertEquals(branch, GitRepos.git(repo, "symbolic-ref", "--short", "HEAD").strip());
        waitUntil(() -> !moveToLocal(robot).isVisible()); // a Local quest now
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    // ---- helpers -------------------------------------------------------------------------------

    private void open(String id) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.model().openQuest(id)).get(10, TimeUnit.SECONDS);
        waitUntil(() -> window.model().questInViewProperty().get() != null
                && window.model().questInViewProperty().get().id().equals(id));
    }

    private static MenuItem moveToLocal(FxRobot robot) {
        MenuButton more = robot.lookup("#quest-more").query();
        return more.getItems().stream().filter(item -> "move-to-local".equals(item.getId())).findFirst()
                .orElseThrow();
    }

    /** The names in a quest list row's context menu, as it fills them when asked. */
    private static List<String> listMenu(FxRobot robot, String questId) throws Exception {
        QuestListCell cell = robot.lookup("#quest-list .list-cell").queryAll().stream()
                .map(QuestListCell.class::cast)
                .filter(row -> row.getItem() instanceof QuestListRow.Item item && item.summary().id().equals(questId))
                .findFirst().orElseThrow();
        return WaitForAsyncUtils.asyncFx(() -> {
            Bounds bounds = cell.localToScreen(cell.getBoundsInLocal());
            Event.fireEvent(cell, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 10, 10,
                    bounds.getMinX() + 10, bounds.getMinY() + 10, false, null));
            List<String> names = cell.getContextMenu().getItems().stream().map(MenuItem::getText)
                    .filter(java.util.Objects::nonNull).toList();
            cell.getContextMenu().hide();
            return names;
        }).get(10, TimeUnit.SECONDS);
    }

    private QuestStatus status(String id) {
        return store.quests().summary(id).orElseThrow().status();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
