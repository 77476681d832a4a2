package dev.questbench.ui.palette;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.TurnResult;
import dev.questbench.engine.GoalVerdict;
import dev.questbench.engine.ScriptedBackend;
import dev.questbench.store.Store;
import dev.questbench.ui.common.FxDialogService;
import dev.questbench.ui.common.FxTaskRunner;
import dev.questbench.ui.shell.MainView;
import dev.questbench.ui.shell.MainWindow;
import dev.questbench.ui.testing.TestEngine;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
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

/** Ctrl+K in the real window opens the palette; typing and Enter runs the command; Escape closes it. */
@ExtendWith(ApplicationExtension.class)
class CommandPaletteFlowTest {
    @TempDir
    Path dir;
    private Store store;
    private TestEngine engine;
    private FxTaskRunner tasks;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        store = Store.open(dir.resolve("data"));
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
    void thePaletteRunsTheBoardCommand(FxRobot robot) throws Exception {
        Node palette = robot.lookup("#command-palette").query();
        assertFalse(palette.isVisible());
        robot.clickOn("#motto"); // the window has the focus
        robot.push(KeyCode.SHORTCUT, KeyCode.K);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, palette::isVisible);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#palette-search").query().isFocused());

        robot.write("board");
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> window.model().viewProperty().get() == MainView.BOARD);
        assertFalse(palette.isVisible(), "running a command closes the palette");

        robot.push(KeyCode.SHORTCUT, KeyCode.K);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, palette::isVisible);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !palette.isVisible());
        assertEquals(MainView.BOARD, window.model().viewProperty().get(), "Escape runs nothing");
        assertTrue(robot.lookup("#palette-search").query() != null);
    }

    @Test
    void shortcutsSearchHideTheListAndStepThroughQuests(FxRobot robot) throws Exception {
        String first = WaitForAsyncUtils.asyncFx(() -> engine.executor().create(quest("First")).id())
                .get(10, TimeUnit.SECONDS);
        String second = WaitForAsyncUtils.asyncFx(() -> engine.executor().create(quest("Second")).id())
                .get(10, TimeUnit.SECONDS);
        javafx.scene.control.ListView<?> quests = robot.lookup("#quest-list").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> quests.getItems().size() == 3);
        robot.clickOn("#motto");

        robot.push(KeyCode.SHORTCUT, KeyCode.G);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#quest-search").query().isFocused());

        robot.push(KeyCode.SHORTCUT, KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.model().selectedQuestIdProperty().get() != null);
        String opened = window.model().selectedQuestIdProperty().get();
        robot.push(KeyCode.SHORTCUT, KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !opened.equals(window.model().selectedQuestIdProperty().get()));
        assertEquals(java.util.Set.of(first, second), java.util.Set.of(opened,
                window.model().selectedQuestIdProperty().get()));
        robot.push(KeyCode.SHORTCUT, KeyCode.TAB); // Ctrl+Tab steps too, wrapping around
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> opened.equals(window.model().selectedQuestIdProperty().get()));

        javafx.scene.control.SplitPane columns = robot.lookup("#columns").query();
        for (int expected : new int[] {1, 2}) { // Toggle Quest List, run from the palette
            robot.push(KeyCode.SHORTCUT, KeyCode.K);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> robot.lookup("#palette-search").query().isFocused());
            robot.write("toggle quest list").type(KeyCode.ENTER);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> columns.getItems().size() == expected);
        }
    }

    private static dev.questbench.domain.Quest quest(String title) {
        return dev.questbench.domain.Quest.create(title, title, null, dev.questbench.domain.QuestMode.AGENT,
                dev.questbench.domain.QuestEnvironment.LOCAL, java.time.Instant.now());
    }
}
