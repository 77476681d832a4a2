package dev.questbench.ui.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.domain.schedule.Schedule;
import dev.questbench.domain.schedule.ScheduleKind;
import dev.questbench.domain.schedule.ScheduleRule;
import dev.questbench.store.Store;
import dev.questbench.ui.common.FxDialogService;
import dev.questbench.ui.common.FxTaskRunner;
import dev.questbench.ui.shell.MainView;
import dev.questbench.ui.shell.MainWindow;
import dev.questbench.ui.testing.TestEngine;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
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

/** Through the real window: the Schedules entry, the form with its live preview, Save, and the new card. */
@ExtendWith(ApplicationExtension.class)
class SchedulesFlowTest {
    @TempDir
    Path dir;
    private Store store;
    private TestEngine engine;
    private FxTaskRunner tasks;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        store = Store.open(dir.resolve("data"));
        engine = TestEngine.unstarted(store);
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
    void aScheduleMadeInTheFormAppearsAsACard(FxRobot robot) throws Exception {
        robot.clickOn("#schedules-entry");
        waitUntil(() -> window.model().viewProperty().get() == MainView.SCHEDULES);
        assertTrue(robot.lookup("#empty-new-schedule").query().isVisible(), "an empty page offers New Schedule");

        robot.clickOn("#new-schedule-button");
        waitUntil(() -> robot.lookup("#schedule-instructions").tryQuery().isPresent());
        waitUntil(() -> previewLines(robot).size() == ScheduleFormViewModel.PREVIEW_COUNT);
        assertTrue(previewLines(robot).get(0).contains("09:00"), "a new schedule starts daily at 09:00");

        robot.clickOn("#schedule-name").write("Morning digest");
        robot.clickOn("#schedule-time").press(KeyCode.SHORTCUT, KeyCode.A).release(KeyCode.A, KeyCode.SHORTCUT)
                .write("07:15");
        // the preview list is rebuilt on each change and may be empty for a moment
        waitUntil(() -> previewLines(robot).stream().findFirst().map(line -> line.contains("07:15")).orElse(false));
        robot.clickOn("#schedule-instructions").write("Summarise yesterday's commits");
        robot.clickOn("#schedule-save");

        waitUntil(() -> engine.parts.scheduler().list().size() == 1);
        Schedule saved = engine.parts.scheduler().list().get(0);
        assertEquals("Morning digest", saved.name());
        assertEquals(new ScheduleRule.Daily(LocalTime.of(7, 15)), saved.rule());
        waitUntil(() -> robot.lookup("#schedule-" + saved.id()).tryQuery().isPresent());
        ListView<?> cards = robot.lookup("#schedule-cards").queryAs(ListView.class);
        assertEquals(1, cards.getItems().size());
    }

    @Test
    void anInvalidCronIsExplainedInTheForm(FxRobot robot) throws Exception {
        robot.press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.SHORTCUT);
        waitUntil(() -> window.model().viewProperty().get() == MainView.SCHEDULES);
        robot.clickOn("#new-schedule-button");
        waitUntil(() -> robot.lookup("#schedule-kind").tryQuery().isPresent());
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#schedule-kind").queryComboBox()
                .getSelectionModel().select(ScheduleKind.CRON)).get(5, TimeUnit.SECONDS);
        robot.clickOn("#schedule-cron").press(KeyCode.SHORTCUT, KeyCode.A).release(KeyCode.A, KeyCode.SHORTCUT)
                .write("0 25 * * *");
        // the preview is debounced: under load it may first explain a half-typed expression
        waitUntil(() -> robot.lookup("#schedule-preview-error").queryAs(Label.class).isVisible()
                && robot.lookup("#schedule-preview-error").queryAs(Label.class).getText().contains("0 25 * * *"));
        robot.clickOn("Cancel");
    }

    private static List<String> previewLines(FxRobot robot) {
        return robot.lookup("#schedule-preview .preview-time").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
