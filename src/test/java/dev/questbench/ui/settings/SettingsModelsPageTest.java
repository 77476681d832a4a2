package dev.questbench.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.builtin.BuiltinAgent;
import dev.questbench.agent.builtin.ProviderEntry;
import dev.questbench.agent.builtin.ProviderRegistry;
import dev.questbench.store.Store;
import dev.questbench.ui.common.FxDialogService;
import dev.questbench.ui.common.FxTaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Through the real dialog: the Models page warns when nothing is configured, and Save stores a new provider. */
@ExtendWith(ApplicationExtension.class)
class SettingsModelsPageTest {
    @TempDir
    Path dir;
    private Store store;
    private FxTaskRunner tasks;
    private SettingsDialog dialog;

    @Start
    void start(Stage stage) {
        store = Store.open(dir.resolve("data"));
        tasks = new FxTaskRunner(2);
        BuiltinAgent agent = new BuiltinAgent(store, Map.of(), dir.resolve("home"), BuiltinAgent.Overrides.NONE);
        FxDialogService dialogs = new FxDialogService(() -> stage);
        dialog = new SettingsDialog(SettingsDialogs.general(store, tasks),
                new ModelsViewModel(agent, store.secrets(), tasks, dialogs),
                new AgentViewModel(store.settings(), tasks));
        SettingsDialogs.show(stage, dialog);
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> dialog.close()).get(10, TimeUnit.SECONDS);
        tasks.close();
        store.close();
    }

    @Test
    void theModelsPageShowsTheOllamaBannerUntilAProviderIsAdded(FxRobot robot) throws Exception {
        robot.clickOn("#settings-tab-models");
        waitUntil(() -> robot.lookup("#models-banner").tryQuery().map(Node::isVisible).orElse(false));
        Label banner = robot.lookup("#models-banner").queryAs(Label.class);
        assertEquals("No provider is configured: quests use Ollama at http://localhost:11434/v1. Start Ollama "
                + "(`ollama serve`) or add a provider.", banner.getText());
        assertTrue(banner.getLayoutBounds().getHeight() > 0, "the banner takes room on the page");

        robot.clickOn("#models-add");
        waitUntil(() -> !banner.isVisible());
        TextField name = robot.lookup("#provider-name").queryAs(TextField.class);
        robot.interact(name::clear);
        robot.clickOn("#settings-save");
        waitUntil(() -> robot.lookup("#models-problem").queryAs(Label.class).isVisible());
        assertEquals("Provider '': Enter a name, such as ollama or work-vllm.",
                robot.lookup("#models-problem").queryAs(Label.class).getText());
        assertTrue(dialog.isShowing(), "an invalid provider keeps the dialog open");

        robot.clickOn("#provider-name").write("local");
        robot.clickOn("#settings-save");
        waitUntil(() -> !dialog.isShowing());
        List<ProviderEntry> saved = new ProviderRegistry(store.settings(), store.secrets(), Map.of()).saved();
        assertEquals(List.of("local"), saved.stream().map(ProviderEntry::name).toList());
        assertEquals("http://localhost:11434/v1", saved.get(0).baseUrl());
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
