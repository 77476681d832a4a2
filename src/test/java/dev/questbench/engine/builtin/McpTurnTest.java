package dev.questbench.engine.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.agent.builtin.AgentSettings;
import dev.questbench.agent.builtin.mcp.EchoMcpServer;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.EventJson;
import dev.questbench.domain.event.QuestEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MCP servers in real turns: a workspace's .mcp.json server's tools offered, judged and called; a shared one. */
class McpTurnTest {
    @TempDir
    Path dir;
    AgentFixture fixture;

    @BeforeEach
    void open() throws Exception {
        fixture = new AgentFixture(dir, 100_000);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void aReadOnlyMcpToolRunsAndAnotherAsksFirst() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString().replace("\\", "\\\\");
        String classes = Path.of(EchoMcpServer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString().replace("\\", "\\\\");
        Files.writeString(fixture.workspaceDir.resolve(".mcp.json"), "{\"mcpServers\":{\"echo\":{\"command\":\""
                + java + "\",\"args\":[\"-cp\",\"" + classes + "\",\"" + EchoMcpServer.class.getName() + "\"]},"
                + "\"broken\":{\"command\":\"" + fixture.root.resolve("no-such-server").toString().replace("\\", "\\\\")
                + "\"}}}");
        fixture.server.enqueue(OpenAiScript.reply().tool("call_1", "mcp__echo__echo",
                OpenAiScript.json("text", "ping")).tool("call_2", "mcp__echo__crash", "{}").response());
        fixture.server.enqueue(OpenAiScript.reply().text("Done.").response());

        String quest = fixture.start("Use the echo server", PermissionMode.DEFAULT);
        fixture.awaitStatus(quest, QuestStatus.ACTION_REQUIRED);

        List<QuestEvent.AgentToolUse> uses = fixture.events(quest, QuestEvent.AgentToolUse.class);
        assertEquals(Decision.Permission.ALLOW, uses.get(0).evaluatedPermission(), "readOnlyHint: runs");
        assertEquals(Decision.Permission.ASK, uses.get(1).evaluatedPermission(), "others ask in default mode");
        String echoed = ContentBlock.plainText(fixture.events(quest, QuestEvent.AgentToolResult.class).get(0)
                .content());
        assertTrue(echoed.startsWith("echo: ping"), echoed);
        List<String> warnings = fixture.events(quest, QuestEvent.ContextLoaded.class).get(0).warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("MCP server 'broken' (.mcp.json) failed: "), warnings.get(0));
        JsonNode tools = fixture.requests().get(0).get("tools");
        List<String> names = new ArrayList<>();
        tools.forEach(tool -> names.add(tool.get("function").get("name").asText()));
        assertTrue(names.containsAll(List.of("mcp__echo__echo", "mcp__echo__crash", "Agent", "ListMcpResourcesTool",
                "ReadMcpResourceTool")), names.toString());
    }

    @Test
    void twoQuestsUseOneSharedServerProcess() throws Exception {
        String classes = Path.of(EchoMcpServer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        ObjectNode servers = EventJson.mapper().createObjectNode();
        ObjectNode echo = servers.putObject("echo").put("command", Path.of(System.getProperty("java.home"), "bin",
                "java").toString()).put("shared", true);
        echo.putArray("args").add("-cp").add(classes).add(EchoMcpServer.class.getName());
        fixture.store.settings().set(AgentSettings.MCP_SERVERS, servers);
        List<String> echoed = new ArrayList<>();
        for (String text : List.of("one", "two")) {
            fixture.server.enqueue(OpenAiScript.reply().tool("call_1", "mcp__echo__echo", OpenAiScript.json("text",
                    text)).tool("call_2", "mcp__echo__crash", "{}").response());
            String quest = fixture.start("Use the shared echo server", PermissionMode.DEFAULT);
            fixture.awaitStatus(quest, QuestStatus.ACTION_REQUIRED); // the session stays open, waiting
            echoed.add(ContentBlock.plainText(fixture.events(quest, QuestEvent.AgentToolResult.class).get(0)
                    .content()));
        }
        assertTrue(echoed.get(0).startsWith("echo: one (pid ") && echoed.get(0).endsWith(", initialized 1)"),
                echoed.get(0));
        assertEquals(echoed.get(0).replace("echo: one", "echo: two"), echoed.get(1),
                "the second quest talked to the same process, initialized once");
    }
}
