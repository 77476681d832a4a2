package dev.questbench.ui.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.engine.Notification;
import dev.questbench.engine.Notification.Kind;
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
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Through the real window: a notification shows a toast in the corner, and clicking it opens its quest. */
@ExtendWith(ApplicationExtension.class)
class ToastFlowTest {
    @TempDir
    Path dir;
    private Store store;
    private TestEngine engine;
    private FxTaskRunner tasks;
    private MainWindow window;
    private DesktopNotifier notifier;

    @Start
    void start(Stage stage) {
        store = Store.open(dir.resolve("data"));
        engine = TestEngine.unstarted(store);
        tasks = new FxTaskRunner(2);
        window = new MainWindow(stage, store, engine.parts, tasks, new FxDialogService(() -> stage), false);
        notifier = new DesktopNotifier(store.settings(), Runnable::run, Platform::runLater, OsNotifications.NONE,
                NotificationSound.NONE);
        window.showNotifications(notifier);
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
    void clickingAToastOpensItsQuest(FxRobot robot) throws Exception {
        Quest quest = Quest.create("Migrate orders to the new schema", "Migrate the orders", null,
                QuestMode.AGENT, QuestEnvironment.LOCAL, Instant.now());
        store.quests().create(quest);
        WaitForAsyncUtils.asyncFx(() -> window.model().showBoard()).get(10, TimeUnit.SECONDS);

        notifier.notify(new Notification(Kind.ACTION_REQUIRED, quest.id(), quest.title(),
                "Waiting for your approval or answer."));
        waitUntil(() -> robot.lookup(".toast").tryQuery().isPresent());
        Node toast = robot.lookup(".toast").query();
        assertTrue(toast.getPseudoClassStates().stream().anyMatch(state -> state.getPseudoClassName()
                .equals("action-required")), "coloured by kind");
        assertEquals(1, window.notifications().toasts().size());

        robot.clickOn(toast);
        waitUntil(() -> quest.id().equals(window.model().selectedQuestIdProperty().get()));
        assertEquals(MainView.QUEST, window.model().viewProperty().get(), "the board gives way to the quest");
        assertTrue(window.notifications().toasts().isEmpty(), "the clicked toast goes away");
    }

    @Test
    void aMissedScheduleToastOpensTheSchedulesPage(FxRobot robot) throws Exception {
        notifier.notify(new Notification(Kind.MISSED_SCHEDULE, null, "Morning digest",
                "Missed the run due Mon 2 Mar 09:00."));
        waitUntil(() -> robot.lookup(".toast").tryQuery().isPresent());
        robot.clickOn(".toast .toast-title");
        waitUntil(() -> window.model().viewProperty().get() == MainView.SCHEDULES);
        assertTrue(robot.lookup("#schedules-page").query().isVisible());
    }

    @Test
    void theCloseButtonDismissesWithoutOpening(FxRobot robot) throws Exception {
        notifier.notify(new Notification(Kind.ERROR, "qst_x", "Rate limits", "Ollama is not running"));
        waitUntil(() -> robot.lookup(".toast-close").tryQuery().isPresent());
        robot.clickOn(".toast-close");
        waitUntil(() -> window.notifications().toasts().isEmpty());
        assertEquals(null, window.model().selectedQuestIdProperty().get());
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
