package dev.questbench.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.agent.builtin.AgentSettings;
import dev.questbench.agent.builtin.mcp.EchoMcpServer;
import dev.questbench.agent.builtin.mcp.OAuthMcpServer;
import dev.questbench.store.SecretStore;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DirectTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings → MCP on a real store with a real stdio server process and an OAuth server on loopback. */
class McpViewModelTest {
    @TempDir
    Path dir;

    @Test
    void editsWaitForSaveAndTestsAWorkspaceAndASettingsServer() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve(".mcp.json"),
                "{\"mcpServers\":{\"docs\":{\"url\":\"http://127.0.0.1:9/mcp\"}}}");
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
            model.add("remote", "https://example.invalid/sse");
            assertEquals("echo", model.rows().get(0).name());
            assertEquals("SSE https://example.invalid/sse", model.rows().get(1).target());
            assertNull(store.settings().get(AgentSettings.MCP_SERVERS), "nothing stored before Save");

            model.test("echo");
            assertEquals("connected, 2 tools, 2 resources", model.rows().get(0).status(), "tested before Save");
            model.test("docs");
            assertTrue(model.rows().get(2).status().startsWith("failed: "), model.rows().get(2).status());
            model.setShared("echo", true);
            assertTrue(model.rows().get(0).shared());

            AtomicBoolean saved = new AtomicBoolean();
            model.save(() -> saved.set(true));
            assertTrue(saved.get());
            JsonNode stored = store.settings().get(AgentSettings.MCP_SERVERS);
            assertEquals(java, stored.get("echo").get("command").asText());
            assertTrue(stored.get("echo").get("shared").asBoolean());
            assertEquals("sse", stored.get("remote").get("type").asText());

            model.setEnabled("echo", false);
            model.remove("remote");
            assertFalse(model.rows().get(0).enabled());
            McpViewModel cancelled = new McpViewModel(store, new DirectTaskRunner(), dir);
            cancelled.load();
            assertEquals(3, cancelled.rows().size(), "unsaved edits are dropped by Cancel");
            assertTrue(cancelled.rows().get(0).enabled());
            model.save(() -> { });
            assertTrue(store.settings().get(AgentSettings.MCP_SERVERS).get("echo").get("disabled").asBoolean());
            assertFalse(store.settings().get(AgentSettings.MCP_SERVERS).has("remote"));
        }
    }

    @Test
    void aServerThatNeedsAuthSignsInAndOut() throws Exception {
        try (Store store = Store.open(dir.resolve("data")); OAuthMcpServer server = new OAuthMcpServer()) {
            McpViewModel model = new McpViewModel(store, new DirectTaskRunner(), dir, OAuthMcpServer::browse);
            model.load();
            model.add("docs", server.url());
            model.test("docs");
            assertTrue(model.rows().get(0).needsAuth(), model.rows().get(0).status());
            assertFalse(model.rows().get(0).signedIn());

            model.signIn("docs");
            assertEquals("connected, 1 tools", model.rows().get(0).status());
            assertTrue(model.rows().get(0).signedIn());
            assertTrue(Files.readString(dir.resolve("data").resolve(SecretStore.FILE_NAME)).contains("access-1"));
            model.save(() -> { });
            assertFalse(store.settings().get(AgentSettings.MCP_SERVERS).toString().contains("access"),
                    "tokens never go into the settings");

            model.signOut("docs");
            assertFalse(model.rows().get(0).signedIn());
            assertEquals("signed out", model.rows().get(0).status());
        }
    }

    @Test
    void openingThePageChecksHttpServersSoOneThatNeedsAuthOffersSignInAtOnce() throws Exception {
        try (Store store = Store.open(dir.resolve("data")); OAuthMcpServer server = new OAuthMcpServer()) {
            McpViewModel setUp = new McpViewModel(store, new DirectTaskRunner(), dir, OAuthMcpServer::browse);
            setUp.load();
            setUp.add("docs", server.url());
            setUp.add("off", "http://127.0.0.1:9/mcp");
            setUp.setEnabled("off", false);
            setUp.save(() -> { });

            McpViewModel page = new McpViewModel(store, new DirectTaskRunner(), dir, OAuthMcpServer::browse);
            page.loadAndCheck();

            McpViewModel.Row docs = page.rows().stream().filter(row -> row.name().equals("docs")).findFirst()
                    .orElseThrow();
            assertTrue(docs.needsAuth(), "checked without a Test: " + docs.status());
            McpViewModel.Row off = page.rows().stream().filter(row -> row.name().equals("off")).findFirst()
                    .orElseThrow();
            assertEquals("", off.status(), "a switched-off server is left alone");
        }
    }
}
