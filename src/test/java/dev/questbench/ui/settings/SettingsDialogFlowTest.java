package dev.questbench.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.acp.AcpPreset;
import dev.questbench.agent.acp.AgentPresets;
import dev.questbench.agent.cloud.CloudSettings;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.store.Store;
import dev.questbench.ui.common.FxDialogService;
import dev.questbench.ui.common.FxTaskRunner;
import dev.questbench.ui.notify.NotificationSettings;
import dev.questbench.ui.shell.MainWindow;
import dev.questbench.ui.shell.ThemePreference;
import dev.questbench.ui.testing.TestEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextField;
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

/** Through the real window: Shortcut+Comma opens Settings; Save applies the limit, the sound and the theme. */
@ExtendWith(ApplicationExtension.class)
class SettingsDialogFlowTest {
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
    void saveAppliesTheSettings(FxRobot robot) throws Exception {
        robot.clickOn("#board-button"); // give the window the keyboard focus
        robot.press(KeyCode.SHORTCUT, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.SHORTCUT);
        waitUntil(() -> robot.lookup("#settings-concurrency").tryQuery().isPresent());
        waitUntil(() -> !robot.lookup("#settings-save").queryButton().isDisabled());

        robot.doubleClickOn("#settings-concurrency .text-field").write("2");
        robot.clickOn("#settings-sound");
        robot.clickOn("#settings-theme-dark");
        javafx.scene.control.Spinner<Integer> size = robot.lookup("#settings-text-size").query();
        WaitForAsyncUtils.asyncFx(() -> size.getValueFactory().setValue(17)).get(10, TimeUnit.SECONDS);
        javafx.scene.control.Label dataDir = robot.lookup("#settings-data-dir").query();
        assertEquals(store.dataDir().toString(), dataDir.getText());
        WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.control.TabPane tabs = robot.lookup("#settings-tabs").query();
            tabs.getSelectionModel().select(tabs.getTabs().stream()
                    .filter(tab -> "settings-tab-shortcuts".equals(tab.getId())).findFirst().orElseThrow());
        }).get(10, TimeUnit.SECONDS);
        robot.clickOn("#shortcuts-search").write("palette");
        javafx.scene.control.TableView<?> shortcuts = robot.lookup("#shortcuts-table").query();
        waitUntil(() -> shortcuts.getItems().size() == 1);
        WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.control.TabPane tabs = robot.lookup("#settings-tabs").query();
            tabs.getSelectionModel().selectFirst();
        }).get(10, TimeUnit.SECONDS);
        robot.clickOn("#settings-save");

        waitUntil(() -> robot.lookup("#settings-concurrency").tryQuery().isEmpty());
        assertEquals(2, engine.executor().concurrencyLimit(), "the executor's limit changed at once");
        assertEquals(2, store.settings().get(QuestExecutor.CONCURRENCY));
        assertTrue(store.settings().get(NotificationSettings.SOUND));
        assertEquals(ThemePreference.DARK, window.model().themeProperty().get());
        assertTrue(window.model().darkProperty().get());
        assertEquals(17, window.model().textSizeProperty().get(), "the conversation's text size applies at once");
        assertEquals(17, store.settings().get(DisplaySettings.TEXT_SIZE));
    }

    @Test
    void theAgentsTabAddsAnAcpAgentAndStoresTheCloudToken(FxRobot robot) throws Exception {
        robot.clickOn("#board-button");
        robot.press(KeyCode.SHORTCUT, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.SHORTCUT);
        waitUntil(() -> robot.lookup("#settings-concurrency").tryQuery().isPresent());
        waitUntil(() -> !robot.lookup("#settings-save").queryButton().isDisabled());
        robot.clickOn("#settings-tab-agents");
        waitUntil(() -> robot.lookup("#agents-add").tryQuery().isPresent());

        robot.clickOn("#agents-add");
        robot.doubleClickOn("#agents-name").eraseText(5).write("local");
        robot.clickOn("#agents-command").write("my-agent --acp");
        TextField token = robot.lookup("#agents-cloud-token").queryAs(TextField.class);
        WaitForAsyncUtils.asyncFx(() -> token.setText("pt-secret")).get(5, TimeUnit.SECONDS);
        robot.clickOn("#settings-save");

        waitUntil(() -> robot.lookup("#settings-concurrency").tryQuery().isEmpty());
        AcpPreset local = store.settings().get(AgentPresets.SETTING).find("local").orElseThrow();
        assertEquals("my-agent", local.command());
        assertEquals(List.of("--acp"), local.args());
        assertEquals("pt-secret", store.secrets().get(CloudSettings.TOKEN_SECRET).orElseThrow());
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
