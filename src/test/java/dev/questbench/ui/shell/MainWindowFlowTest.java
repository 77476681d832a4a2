package dev.questbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.TurnResult;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.QuestSummary;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.engine.GoalVerdict;
import dev.questbench.engine.ScriptedBackend;
import dev.questbench.store.QuestQuery;
import dev.questbench.store.Store;
import dev.questbench.ui.board.QuestCard;
import dev.questbench.ui.common.FxDialogService;
import dev.questbench.ui.common.FxTaskRunner;
import dev.questbench.ui.testing.Snapshots;
import dev.questbench.ui.testing.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window on a real store and engine: New Quest dialog → quest list → board → live status changes. */
@ExtendWith(ApplicationExtension.class)
class MainWindowFlowTest {
    @TempDir
    Path dir;
    private final CountDownLatch finish = new CountDownLatch(1);
    private Store store;
    private TestEngine engine;
    private FxTaskRunner tasks;
    private MainWindow window;
    private Path workspaceFolder;

    @Start
    void start(Stage stage) throws Exception {
        workspaceFolder = Files.createDirectories(dir.resolve("shop"));
        store = Store.open(dir.resolve("data"));
        // The agent says it is working, then waits until the test lets it finish.
        engine = TestEngine.withBuiltin(store, new ScriptedBackend(turn -> {
            turn.emit(QuestEvent.AgentMessage.text("Working on it"));
            while (!finish.await(5, TimeUnit.MILLISECONDS) && !turn.stopped()) {
                Thread.onSpinWait();
            }
            return new TurnResult.EndTurn();
        }), (goal, summary, round) -> new GoalVerdict(true, "", ""));
        tasks = new FxTaskRunner(2);
        window = new MainWindow(stage, store, engine.parts, tasks, new FolderAnsweringDialogs(stage), false);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        finish.countDown();
        WaitForAsyncUtils.asyncFx(() -> window.close()).get(10, TimeUnit.SECONDS);
        tasks.close();
        engine.close();
        store.close();
    }

    @Test
    void aQuestCreatedInTheDialogShowsInTheListAndMovesOnTheBoardAsEventsArrive(FxRobot robot) throws Exception {
        assertTrue(robot.lookup("#empty-state").query().isVisible(), "empty state with the motto");
        assertEquals("Define the goal. Review the result.", robot.lookup("#motto").queryLabeled().getText());

        robot.clickOn("#new-quest-button");
        waitUntil(() -> robot.lookup("#prompt").tryQuery().isPresent());
        robot.clickOn("#prompt").write("Add pagination to the orders table");
        robot.clickOn("#choose-folder");
        robot.clickOn("Start Quest");

        waitUntil(() -> store.quests().list(QuestQuery.ALL).size() == 1);
        QuestSummary created = store.quests().list(QuestQuery.ALL).get(0);
        String id = created.id();
        assertTrue(created.status().isActive(), "the executor took it: " + created.status());
        waitUntil(() -> robot.lookup("#quest-list .list-cell").queryAll().stream()
                .anyMatch(cell -> ((QuestListCell) cell).getItem() instanceof QuestListRow.Item item
                        && item.summary().id().equals(id)));
        assertEquals(id, window.model().selectedQuestIdProperty().get(), "the new quest is opened");
        assertFalse(robot.lookup("#empty-state").query().isVisible(), "the conversation replaces the empty state");

        robot.clickOn("#board-button");
        waitUntil(() -> cardIn(robot, "running", id).map(card -> card.getSummary().status() == QuestStatus.RUNNING)
                .orElse(false));

        finish.countDown(); // the agent ends its turn
        waitUntil(() -> cardIn(robot, "completed", id).isPresent());
        assertTrue(cardIn(robot, "running", id).isEmpty(), "the card left the Running column");

        shot("board");
        robot.clickOn(cardIn(robot, "completed", id).orElseThrow());
        waitUntil(() -> window.model().viewProperty().get() == MainView.QUEST);
        ListView<?> conversation = robot.lookup("#conversation-list").queryListView();
        // The prompt, "Agent started working", the agent's message, "Turn finished".
        waitUntil(() -> conversation.getItems().size() == 4);
    }

    @Test
    void theLayoutAndLastViewAreRememberedAcrossWindows(FxRobot robot) throws Exception {
        robot.clickOn("#motto");
        robot.push(KeyCode.SHORTCUT, KeyCode.B); // the menu's shortcut for My Quests board
        waitUntil(() -> window.model().viewProperty().get() == MainView.BOARD);
        WaitForAsyncUtils.asyncFx(() -> {
            window.model().toggleFunctionArea();
            window.close();
            window = new MainWindow(new Stage(), store, engine.parts, tasks, new FolderAnsweringDialogs(null), false);
        }).get(10, TimeUnit.SECONDS);

        assertEquals(MainView.BOARD, window.model().viewProperty().get());
        assertTrue(window.model().functionAreaCollapsedProperty().get());
    }

    /** With -Dqb.shots=DIR, saves what the window looks like at this step. */
    private void shot(String name) throws Exception {
        String folder = System.getProperty("qb.shots");
        if (folder != null) {
            WaitForAsyncUtils.asyncFx(() -> Snapshots.write(window.stage().getScene(),
                    Path.of(folder, name + ".png"))).get(10, TimeUnit.SECONDS);
        }
    }

    private static Optional<QuestCard> cardIn(FxRobot robot, String column, String questId) {
        return robot.lookup("#column-list-" + column).queryAll().stream().findFirst()
                .flatMap(list -> list.lookupAll(".quest-card").stream()
                        .map(QuestCard.class::cast)
                        .filter(card -> card.getSummary() != null && card.getSummary().id().equals(questId)
                                && visibleCell(card))
                        .findFirst());
    }

    private static boolean visibleCell(Node card) {
        return card.getParent() != null && card.getParent().isVisible();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The real dialogs, except that choosing a folder answers with the test's workspace folder. */
    private final class FolderAnsweringDialogs extends FxDialogService {
        FolderAnsweringDialogs(Stage owner) {
            super(() -> owner);
        }

        @Override
        public Optional<Path> chooseFolder(String title, Path initialFolder) {
            return Optional.of(workspaceFolder);
        }

        @Override
        public boolean confirm(String title, String message, String confirmLabel) {
            return true;
        }
    }
}
