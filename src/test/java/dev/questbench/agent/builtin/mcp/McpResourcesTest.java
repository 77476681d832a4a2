package dev.questbench.agent.builtin.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.builtin.tools.Tool;
import dev.questbench.agent.builtin.tools.ToolContext;
import dev.questbench.agent.builtin.tools.ToolException;
import dev.questbench.domain.event.EventJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resources through the two resource tools, and shared servers, against the real stdio test server. */
class McpResourcesTest {
    @TempDir
    Path dir;

    @Test
    void resourceToolsListAndReadTextAndDescribeBinary() throws Exception {
        try (McpClient client = new McpClient(McpClientTest.stdio("echo"), dir)) {
            assertTrue(client.connect(), client.status());
            assertEquals("connected, 2 tools, 2 resources", client.summary());
            List<Tool> tools = ListMcpResourcesTool.of(List.of(client));
            assertEquals(List.of("ListMcpResourcesTool", "ReadMcpResourceTool"), tools.stream().map(Tool::name)
                    .toList());
            assertTrue(tools.get(0).readOnly() && tools.get(1).readOnly(), "judged as reads");
            ToolContext context = new ToolContext(dir, null, null, null, null);

            String listed = tools.get(0).run(EventJson.mapper().readTree("{}"), context).text();
            assertEquals("echo: echo://readme (README) [text/plain]\necho: echo://logo (Logo) [image/png]", listed);
            assertEquals("Read me first.", tools.get(1).run(EventJson.mapper().readTree(
                    "{\"server\":\"echo\",\"uri\":\"echo://readme\"}"), context).text());
            assertEquals("[binary resource echo://logo: image/png, 8 bytes; not shown]", tools.get(1).run(
                    EventJson.mapper().readTree("{\"server\":\"echo\",\"uri\":\"echo://logo\"}"), context).text());
            ToolException unknown = assertThrows(ToolException.class, () -> tools.get(0).run(
                    EventJson.mapper().readTree("{\"server\":\"nope\"}"), context));
            assertTrue(unknown.getMessage().contains("Servers with resources: echo"), unknown.getMessage());
        }
    }

    @Test
    void noResourceToolsWithoutAServerThatOffersResources() {
        McpServerConfig missing = new McpServerConfig("gone", dir.resolve("none").toString(), List.of(), null, null,
                null, "test");
        try (McpClient client = new McpClient(missing, dir)) {
            client.connect();
            assertEquals(List.of(), ListMcpResourcesTool.of(List.of(client)));
        }
    }

    @Test
    void longTextIsCut() throws Exception {
        String text = "x".repeat(McpResources.MAX_TEXT + 10);
        String described = McpResources.describe(EventJson.mapper().readTree("{\"contents\":[{\"text\":\"" + text
                + "\"}]}"));
        assertTrue(described.endsWith("[… cut: 10 more characters]"), described.substring(McpResources.MAX_TEXT));
    }

    @Test
    void twoSessionsShareOneServerProcessUntilTheLastLetsGo() throws Exception {
        McpServerConfig base = McpClientTest.stdio("echo");
        McpServerConfig shared = new McpServerConfig("echo", base.command(), base.args(), null, null, null,
                "settings", null, true);
        SharedMcpServers servers = new SharedMcpServers();
        Path home = dir.resolve("home");
        for (Path folder : List.of(home, dir.resolve("a"), dir.resolve("b"))) {
            Files.createDirectories(folder);
        }
        List<McpClient> first = McpServers.connect(List.of(shared, McpClientTest.stdio("own")), dir.resolve("a"),
                home, null, servers);
        List<McpClient> second = McpServers.connect(List.of(shared), dir.resolve("b"), home, null, servers);
        assertSame(first.get(0), second.get(0), "one client for both sessions");
        String one = first.get(0).callTool("echo", EventJson.mapper().readTree("{\"text\":\"a\"}")).text();
        String two = second.get(0).callTool("echo", EventJson.mapper().readTree("{\"text\":\"b\"}")).text();
        assertEquals(one.replace("echo: a", "echo: b"), two, "same process, initialized once");
        assertTrue(one.endsWith("initialized 1)"), one);
        assertEquals(2, servers.users().get("echo"));
        assertEquals("connected", first.get(1).status());

        McpServers.release(first, servers);
        assertEquals("not started", first.get(1).status(), "the session's own server stopped");
        assertEquals("connected", second.get(0).status(), "the other session still uses the shared one");
        McpServers.release(second, servers);
        assertEquals("not started", second.get(0).status());
        assertFalse(servers.users().containsKey("echo"));

        List<McpClient> third = McpServers.connect(List.of(shared), dir, home, null, servers);
        assertNotSame(first.get(0), third.get(0), "started again for a later quest");
        McpServers.release(third, servers);
    }
}
