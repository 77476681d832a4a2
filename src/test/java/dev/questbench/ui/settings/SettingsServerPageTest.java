package dev.questbench.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.builtin.BuiltinAgent;
import dev.questbench.engine.Notifier;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.server.LocalServer;
import dev.questbench.server.ServerOptions;
import dev.questbench.store.Store;
import dev.questbench.ui.common.FxDialogService;
import dev.questbench.ui.common.FxTaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Through the real dialog: the Server tab starts the server, copies its token, and stops it. */
@ExtendWith(ApplicationExtension.class)
class SettingsServerPageTest {
    @TempDir
    Path dir;
    private Store store;
    private FxTaskRunner tasks;
    private QuestExecutor executor;
    private LocalServer server;
    private SettingsDialog dialog;

    @Start
    void start(Stage stage) {
        store = Store.open(dir.resolve("data"));
        tasks = new FxTaskRunner(2);
        BuiltinAgent agent = new BuiltinAgent(store, Map.of(), dir.resolve("home"), BuiltinAgent.Overrides.NONE);
        executor = new QuestExecutor(store, List.of(agent.backend()), Notifier.NONE);
        server = new LocalServer(store, executor, agent, ServerOptions.defaults().withPort(0));
        FxDialogService dialogs = new FxDialogService(() -> stage);
        dialog = new SettingsDialog(SettingsDialogs.general(store, tasks),
                new ModelsViewModel(agent, store.secrets(), tasks, dialogs),
                new AgentViewModel(store.settings(), tasks), null, new ServerViewModel(server, tasks));
        SettingsDialogs.show(stage, dialog);
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> dialog.close()).get(10, TimeUnit.SECONDS);
        tasks.close();
        server.close();
        executor.close();
        store.close();
    }

    @Test
    void startCopyAndStop(FxRobot robot) throws Exception {
        robot.clickOn("#settings-tab-server");
        TextField url = robot.lookup("#server-url").queryAs(TextField.class);
        waitUntil(() -> !robot.lookup("#server-copy-token").query().isDisabled());
        assertEquals("", url.getText());
        robot.clickOn("#server-start");
        waitUntil(() -> !url.getText().isEmpty());
        assertTrue(server.running());
        assertEquals(server.apiUrl(), url.getText());
        robot.clickOn("#server-copy-token");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(server.token(), WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString())
                .get(10, TimeUnit.SECONDS));
        robot.clickOn("#server-stop");
        waitUntil(url.getText()::isEmpty);
        waitUntil(() -> !server.running());
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
