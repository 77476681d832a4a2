package dev.questbench.agent.builtin.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.agent.builtin.tools.ToolContext;
import dev.questbench.agent.builtin.tools.ToolOutput;
import dev.questbench.domain.event.EventJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MCP client against a real stdio server process and a Streamable HTTP server on loopback. */
class McpClientTest {
    @TempDir
    Path dir;

    static McpServerConfig stdio(String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classes = Path.of(EchoMcpServer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        return new McpServerConfig(name, java, List.of("-cp", classes, EchoMcpServer.class.getName()), Map.of(),
                null, Map.of(), "test");
    }

    @Test
    void stdioServerListsAndCallsToolsAndIsRestartedAfterACrash() throws Exception {
        try (McpClient client = new McpClient(stdio("echo"), dir)) {
            assertTrue(client.connect(), client.status());
            assertEquals("connected", client.status());
            assertEquals(List.of("echo", "crash"), client.tools().stream().map(McpClient.ToolInfo::name).toList());
            List<McpTool> tools = McpTool.of(List.of(client));
            assertEquals("mcp__echo__echo", tools.get(0).name());
            assertTrue(tools.get(0).readOnly(), "the server's readOnlyHint");
            assertFalse(tools.get(1).readOnly());

            ToolOutput first = tools.get(0).run(EventJson.mapper().readTree("{\"text\":\"hi\"}"), new ToolContext(dir,
                    null, null, null, null));
            assertTrue(first.text().startsWith("echo: hi (pid "), first.text());
            assertFalse(first.isError());

            assertThrows(IOException.class, () -> client.callTool("crash", null));
            assertTrue(client.status().startsWith("failed"), client.status());
            McpClient.CallResult again = client.callTool("echo", EventJson.mapper().readTree("{\"text\":\"back\"}"));
            assertTrue(again.text().startsWith("echo: back"), again.text());
            assertFalse(again.text().equals(first.text().replace("hi", "back")), "a new process answered");
            assertEquals(1, client.restarts());
            assertEquals("connected", client.status());
        }
    }

    @Test
    void aServerThatCannotStartFailsWithTheReason() {
        McpServerConfig missing = new McpServerConfig("gone", dir.resolve("no-such-program").toString(), List.of(),
                Map.of(), null, Map.of(), "test");
        try (McpClient client = new McpClient(missing, dir)) {
            assertFalse(client.connect());
            assertTrue(client.status().startsWith("failed: "), client.status());
        }
    }

    @Test
    void streamableHttpServerKeepsTheSessionAndAnswersOverSse() throws Exception {
        AtomicReference<String> sessionSeen = new AtomicReference<>();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    JsonNode body;
                    try {
                        body = EventJson.mapper().readTree(request.getBody().utf8());
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    String method = body.path("method").asText();
                    String id = body.path("id").asText();
                    return switch (method) {
                        case "initialize" -> new MockResponse.Builder().addHeader("Mcp-Session-Id", "s-1")
                                .addHeader("Content-Type", "application/json").body("{\"jsonrpc\":\"2.0\",\"id\":" + id
                                        + ",\"result\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{}}}")
                                .build();
                        case "tools/list" -> new MockResponse.Builder().addHeader("Content-Type", "application/json")
                                .body("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{\"tools\":[{\"name\":"
                                        + "\"lookup\",\"inputSchema\":{\"type\":\"object\"}}]}}").build();
                        case "tools/call" -> {
                            sessionSeen.set(request.getHeaders().get("Mcp-Session-Id"));
                            yield new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                                    .body("event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":"
                                            + "{\"content\":[{\"type\":\"text\",\"text\":\"found 3\"}]}}\n\n").build();
                        }
                        default -> new MockResponse.Builder().code(202).build();
                    };
                }
            });
            server.start();
            Files.writeString(dir.resolve(".mcp.json"), "{\"mcpServers\":{\"docs\":{\"type\":\"http\",\"url\":\""
                    + server.url("/mcp") + "\"},\"off\":{\"command\":\"x\",\"disabled\":true}}}");
            List<McpServerConfig> configs = McpServers.configured(dir, EventJson.mapper().readTree(
                    "{\"docs\":{\"command\":\"ignored\"},\"local\":{\"command\":\"y\"}}"));
            assertEquals(List.of("docs", "local"), configs.stream().map(McpServerConfig::name).toList(),
                    ".mcp.json wins a name clash; disabled entries are left out");
            try (McpClient client = new McpClient(configs.get(0), dir)) {
                assertTrue(client.connect(), client.status());
                McpClient.CallResult result = client.callTool("lookup", null);
                assertEquals("found 3", result.text());
                assertEquals("s-1", sessionSeen.get());
            }
        }
    }
}
