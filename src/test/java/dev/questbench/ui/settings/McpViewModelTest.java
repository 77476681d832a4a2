package dev.questbench.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.builtin.AgentSettings;
import dev.questbench.agent.builtin.mcp.EchoMcpServer;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DirectTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings → MCP on a real store with a real stdio server process. */
class McpViewModelTest {
    @TempDir
    Path dir;

    @Test
    void addsTestsSwitchesAndRemovesAServerAndListsAWorkspaceOne() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve(".mcp.json"), "{\"mcpServers\":{\"docs\":{\"url\":\"http://127.0.0.1:9/mcp\"}}}");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classes = Path.of(EchoMcpServer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        try (Store store = Store.open(dir.resolve("data"))) {
            store.workspaces().open(work.toString());
            McpViewModel model = new McpViewModel(store, new DirectTaskRunner(), dir);
            model.load();
            assertEquals(1, model.rows().size());
            assertFalse(model.rows().get(0).editable(), ".mcp.json is edited in the workspace, not here");

            model.add("bad name", "x");
            assertFalse(model.problemProperty().get().isEmpty());
            model.add("echo", java + " -cp " + classes + " " + EchoMcpServer.class.getName());
            assertEquals("echo", model.rows().get(0).name());
            assertEquals(java, store.settings().get(AgentSettings.MCP_SERVERS).get("echo").get("command").asText());

            model.test("echo");
            assertEquals("connected, 2 tools", model.rows().get(0).status());
            model.test("docs");
            assertTrue(model.rows().get(1).status().startsWith("failed: "), model.rows().get(1).status());

            model.setEnabled("echo", false);
            assertFalse(model.rows().get(0).enabled());
            assertTrue(store.settings().get(AgentSettings.MCP_SERVERS).get("echo").get("disabled").asBoolean());
            model.remove("echo");
            assertEquals(1, model.rows().size());
        }
    }
}
