package dev.questbench.agent.builtin.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.domain.event.EventJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The legacy HTTP+SSE transport against a real loopback server that speaks it. */
class McpSseTest {
    @TempDir
    Path dir;

    @Test
    void callsToolsAndReadsResourcesOverSseAndReconnectsAfterTheStreamDrops() throws Exception {
        try (SseMcpServer server = new SseMcpServer()) {
            Files.writeString(dir.resolve(".mcp.json"), "{\"mcpServers\":{\"notes\":{\"type\":\"sse\",\"url\":\""
                    + server.url() + "\"}}}");
            McpServerConfig config = McpServers.configured(dir, null).get(0);
            assertTrue(config.sse(), config.type());
            try (McpClient client = new McpClient(config, dir)) {
                assertTrue(client.connect(), client.status());
                assertEquals("connected, 1 tools, 1 resources", client.summary());
                assertEquals("sse: one", client.callTool("echo", EventJson.mapper().readTree("{\"text\":\"one\"}"))
                        .text());
                assertEquals("Ship it.", client.readResource("notes://today"));

                server.dropStreams();
                assertEquals("sse: two", client.callTool("echo", EventJson.mapper().readTree("{\"text\":\"two\"}"))
                        .text(), "the next call opens a new stream");
                assertEquals(2, server.initializes());
                assertEquals(1, client.restarts());

                server.forgetSessions();
                assertEquals("Ship it.", client.readResource("notes://today"), "a 404 on the POST reconnects too");
                assertEquals(3, server.initializes());
                assertEquals(2, client.restarts());
            }
        }
    }

    @Test
    void aStreamableHttpUrlGivenAsSseSaysWhatToChange() throws Exception {
        try (SseMcpServer server = new SseMcpServer()) {
            McpServerConfig wrong = new McpServerConfig("x", null, List.of(), null, server.url().replace("/sse",
                    "/messages"), null, "test", "sse", false);
            try (McpClient client = new McpClient(wrong, dir)) {
                assertFalse(client.connect());
                assertTrue(client.status().startsWith("failed: ") && client.status().contains("\"type\": \"http\""),
                        client.status());
            }
        }
    }
}
