package dev.questbench.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.builtin.AgentSettings;
import dev.questbench.store.Store;
import dev.questbench.ui.common.FxTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Through the real dialog: the Skills switch, an MCP server and an expert's model, all stored by Save. */
@ExtendWith(ApplicationExtension.class)
class SettingsExtensionPagesTest {
    @TempDir
    Path dir;
    private Store store;
    private FxTaskRunner tasks;
    private SettingsDialog dialog;

    @Start
    void start(Stage stage) throws Exception {
        Path skill = Files.createDirectories(dir.resolve("home/.qoder/skills/commit"));
        Files.writeString(skill.resolve("SKILL.md"), "---\nname: commit\ndescription: Commit messages\n---\nBody\n");
        store = Store.open(dir.resolve("data"));
        tasks = new FxTaskRunner(2);
        dialog = new SettingsDialog(SettingsDialogs.general(store, tasks))
                .withSkills(new SkillsViewModel(store, dir.resolve("home"), tasks))
                .withMcp(new McpViewModel(store, tasks, dir))
                .withExperts(new ExpertsViewModel(store.settings(), tasks));
        SettingsDialogs.show(stage, dialog);
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> dialog.close()).get(10, TimeUnit.SECONDS);
        tasks.close();
        store.close();
    }

    @Test
    void switchesASkillAddsAServerAndSavesAnExpert(FxRobot robot) throws Exception {
        robot.clickOn("#settings-tab-skills");
        waitUntil(() -> robot.lookup("#skill-toggle-commit").tryQuery().isPresent());
        robot.clickOn("#skill-toggle-commit");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, store.settings().get(AgentSettings.DISABLED_SKILLS).length, "stored on Save, not at once");

        robot.clickOn("#settings-tab-mcp");
        robot.clickOn("#mcp-add-name").write("docs");
        robot.clickOn("#mcp-add-target").write("https://example.com/mcp");
        robot.clickOn("#mcp-add");
        waitUntil(() -> robot.lookup("#mcp-test-docs").tryQuery().isPresent());
        assertEquals(null, store.settings().get(AgentSettings.MCP_SERVERS), "MCP edits wait for Save");

        robot.clickOn("#settings-tab-experts");
        robot.clickOn("#expert-model-qa").write("qa-model");
        robot.clickOn("#settings-save");
        waitUntil(() -> store.settings().get(AgentSettings.EXPERTS) != null);
        assertTrue(store.settings().get(AgentSettings.EXPERTS).get("QA").get("model").asText().equals("qa-model"));
        waitUntil(() -> store.settings().get(AgentSettings.MCP_SERVERS) != null);
        assertEquals("https://example.com/mcp",
                store.settings().get(AgentSettings.MCP_SERVERS).get("docs").get("url").asText());
        assertEquals(List.of("commit"), List.of(store.settings().get(AgentSettings.DISABLED_SKILLS)),
                "the skill switch was stored with the rest");
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
