package dev.questbench.ui.board;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.questbench.agent.TurnResult;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.QuestSummary;
import dev.questbench.domain.Workspace;
import dev.questbench.engine.GoalVerdict;
import dev.questbench.engine.ScriptedBackend;
import dev.questbench.store.Store;
import dev.questbench.ui.common.FxDialogService;
import dev.questbench.ui.common.FxTaskRunner;
import dev.questbench.ui.shell.MainView;
import dev.questbench.ui.shell.MainWindow;
import dev.questbench.ui.testing.TestEngine;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
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

/** The board in the real window: a workspace tab filters the columns; arrows and Enter open a card. */
@ExtendWith(ApplicationExtension.class)
class BoardFlowTest {
    @TempDir
    Path dir;
    private Store store;
    private TestEngine engine;
    private FxTaskRunner tasks;
    private MainWindow window;
    private Workspace shop;
    private Workspace docs;

    @Start
    void start(Stage stage) {
        store = Store.open(dir.resolve("data"));
        shop = store.workspaces().open(dir.resolve("shop").toString());
        docs = store.workspaces().open(dir.resolve("docs").toString());
        engine = TestEngine.withBuiltin(store, new ScriptedBackend(turn -> new TurnResult.EndTurn()),
                (goal, summary, round) -> new GoalVerdict(true, "", ""));
        tasks = new FxTaskRunner(2);
        window = new MainWindow(stage, store, engine.parts, tasks, new FxDialogService(() -> stage), false);
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
    void aWorkspaceTabFiltersTheColumnsAndTheKeyboardOpensACard(FxRobot robot) throws Exception {
        String inShop = create("Fix the checkout", shop);
        String inDocs = create("Write the guide", docs);
        waitUntil(() -> done(inShop) && done(inDocs));
        robot.clickOn("#motto");
        robot.push(KeyCode.SHORTCUT, KeyCode.B);
        waitUntil(() -> window.model().viewProperty().get() == MainView.BOARD);
        ListView<QuestSummary> completed = robot.lookup("#column-list-completed").query();
        waitUntil(() -> completed.getItems().size() == 2);

        robot.clickOn("#tab-" + shop.id().toLowerCase(java.util.Locale.ROOT));
        waitUntil(() -> completed.getItems().size() == 1);
        assertEquals(inShop, completed.getItems().get(0).id(), "only the shop's quest");

        ListView<QuestSummary> running = robot.lookup("#column-list-running").query();
        WaitForAsyncUtils.asyncFx(running::requestFocus).get(10, TimeUnit.SECONDS);
        robot.type(KeyCode.RIGHT).type(KeyCode.RIGHT); // Running → Waiting → Completed, selecting its first card
        waitUntil(completed::isFocused);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> window.model().viewProperty().get() == MainView.QUEST
                && inShop.equals(window.model().selectedQuestIdProperty().get()));
    }

    private String create(String title, Workspace workspace) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> engine.executor().create(Quest.create(title, title, workspace.id(),
                QuestMode.AGENT, QuestEnvironment.LOCAL, Instant.now())).id()).get(10, TimeUnit.SECONDS);
    }

    private boolean done(String id) {
        return store.quests().summary(id).orElseThrow().status() == QuestStatus.READY;
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
