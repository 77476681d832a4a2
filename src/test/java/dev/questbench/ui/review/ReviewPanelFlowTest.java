package dev.questbench.ui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.TurnResult;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestStatus;
import dev.questbench.store.Store;
import dev.questbench.ui.common.FxTaskRunner;
import dev.questbench.ui.shell.MainWindow;
import dev.questbench.ui.testing.AnsweringDialogs;
import dev.questbench.ui.testing.WorkspaceEngine;
import dev.questbench.workspace.diff.FileDiff;
import dev.questbench.workspace.env.GitRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Review tab in the real window: a quest's changed file is listed and its diff shows. */
@ExtendWith(ApplicationExtension.class)
class ReviewPanelFlowTest {
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
        GitRepos.write(repo, "story.txt", ReviewViewModelTest.story(-1));
        GitRepos.commitAll(repo, "story");
        store = Store.open(dir.resolve("data"));
        engine = new WorkspaceEngine(store, turn -> {
            Files.writeString(turn.context().workingDirectory().resolve("story.txt"), ReviewViewModelTest.story(2));
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
    void theReviewTabListsTheQuestsChangedFileAndShowsItsDiff(FxRobot robot) throws Exception {
        String id = engine.executor().create(WorkspaceEngine.quest(store, repo, "Edit the story",
                QuestEnvironment.LOCAL)).id();
        waitUntil(() -> store.quests().summary(id).orElseThrow().status() == QuestStatus.READY);

        WaitForAsyncUtils.asyncFx(() -> {
            window.model().openQuest(id);
            TabPane area = robot.lookup("#function-area").query();
            area.getSelectionModel().select(area.getTabs().stream()
                    .filter(tab -> "tab-review".equals(tab.getId())).findFirst().orElseThrow());
        }).get(10, TimeUnit.SECONDS);

        ListView<FileDiff> files = robot.lookup("#review-files").query();
        waitUntil(() -> files.getItems().stream().anyMatch(file -> file.path().equals("story.txt")));
        assertTrue(files.isVisible(), "the list shows, not the empty state");
        Label empty = robot.lookup("#review-empty").query();
        assertFalse(empty.isVisible());

        robot.clickOn(robot.from(files).lookup("story.txt").<javafx.scene.Node>query()); // the artifact lists show the name too
        DiffView diff = robot.lookup("#review-diff").query();
        waitUntil(() -> (diff.newArea().getText() + diff.oldArea().getText()).contains("line two"));
        assertTrue(robot.lookup("#review-pending").queryAs(Label.class).getText().startsWith("0 pending"));
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void theModeToggleSwitchesTheDiffBetweenUnifiedAndSideBySide(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            TabPane area = robot.lookup("#function-area").query();
            area.getSelectionModel().select(area.getTabs().stream()
                    .filter(tab -> "tab-review".equals(tab.getId())).findFirst().orElseThrow());
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ToggleButton toggle = robot.lookup("#review-mode").query();
        DiffView diff = robot.lookup("#review-diff").query();
        assertEquals(DiffView.Mode.UNIFIED, diff.getMode());
        assertFalse(toggle.isSelected());

        WaitForAsyncUtils.asyncFx(toggle::fire).get(10, TimeUnit.SECONDS);
        assertEquals(DiffView.Mode.SIDE_BY_SIDE, diff.getMode(), "the toggle drives the diff");

        WaitForAsyncUtils.asyncFx(() -> diff.setMode(DiffView.Mode.UNIFIED)).get(10, TimeUnit.SECONDS);
        assertFalse(toggle.isSelected(), "the toggle follows the diff");
        javafx.scene.control.Button ai = robot.lookup("#review-ai").query();
        assertTrue(ai.isDisabled(), "AI Review waits for a quest");
    }

    @Test
    void reviewChangesInTheHeaderOpensTheReviewTabOnTheLastTurn(FxRobot robot) throws Exception {
        String id = engine.executor().create(WorkspaceEngine.quest(store, repo, "Edit the story",
                QuestEnvironment.LOCAL)).id();
        waitUntil(() -> store.quests().summary(id).orElseThrow().status() == QuestStatus.READY);
        WaitForAsyncUtils.asyncFx(() -> window.model().openQuest(id)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        TabPane area = robot.lookup("#function-area").query();
        assertEquals("tab-summary", area.getSelectionModel().getSelectedItem().getId());

        javafx.scene.control.Button review = robot.lookup("#review-changes").query();
        WaitForAsyncUtils.asyncFx(review::fire).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("tab-review", area.getSelectionModel().getSelectedItem().getId());
        javafx.scene.control.ToggleButton lastTurn = robot.lookup("#scope-last_turn").query();
        assertTrue(lastTurn.isSelected(), "the scope switcher shows Last Turn");
        ListView<FileDiff> files = robot.lookup("#review-files").query();
        waitUntil(() -> files.getItems().stream().anyMatch(file -> file.path().equals("story.txt")));
    }

    @Test
    void theChangesRowOpensTheReviewWhichCanFillTheWindowAndComeBack(FxRobot robot) throws Exception {
        String id = engine.executor().create(WorkspaceEngine.quest(store, repo, "Edit the story",
                QuestEnvironment.LOCAL)).id();
        waitUntil(() -> store.quests().summary(id).orElseThrow().status() == QuestStatus.READY);
        // the scripted agent writes without a tool, so journal what a Write tool would
        var use = store.journal().append(id, new dev.questbench.domain.event.QuestEvent.AgentToolUse("Write",
                new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"file_path\":\"story.txt\"}"),
                dev.questbench.domain.event.Decision.Permission.ALLOW));
        store.journal().appendAll(id, java.util.List.of(new dev.questbench.domain.event.QuestEvent.AgentToolResult(
                use.id(), java.util.List.of(), false, 1L),
                dev.questbench.domain.event.QuestEvent.SessionStatusIdle.endTurn()));
        WaitForAsyncUtils.asyncFx(() -> window.model().openQuest(id)).get(10, TimeUnit.SECONDS);
        waitUntil(() -> robot.lookup("#changes-review").tryQuery().isPresent());
        robot.clickOn("#changes-review");

        TabPane area = robot.lookup("#function-area").query();
        waitUntil(() -> "tab-review".equals(area.getSelectionModel().getSelectedItem().getId()));
        assertTrue(robot.lookup("#scope-last_turn").queryAs(javafx.scene.control.ToggleButton.class).isSelected());

        robot.clickOn("#review-full-window");
        javafx.scene.layout.StackPane host = robot.lookup("#review-full-window-host").query();
        waitUntil(() -> host.getChildren().contains(area) && host.isVisible());
        assertFalse(robot.lookup("#columns").query().isVisible(), "the review has the window to itself");

        robot.clickOn("#review-files").type(javafx.scene.input.KeyCode.ESCAPE);
        waitUntil(() -> !host.isVisible());
        assertTrue(robot.lookup("#columns").query().isVisible());
        assertTrue(robot.lookup("#columns").query().lookup("#function-area") != null, "back in its place");
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
