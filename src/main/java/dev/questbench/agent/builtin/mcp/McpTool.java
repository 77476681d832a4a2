package dev.questbench.agent.builtin.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.agent.builtin.tools.Tool;
import dev.questbench.agent.builtin.tools.ToolContext;
import dev.questbench.agent.builtin.tools.ToolException;
import dev.questbench.agent.builtin.tools.ToolOutput;
import java.io.IOException;
import java.util.List;

/**
 * One MCP server tool offered to the model as {@code mcp__<server>__<tool>}; it is judged by the same permission
 * rules as the built-in tools (read-only only when the server marks it so).
 */
public final class McpTool implements Tool {
    private final McpClient client;
    private final McpClient.ToolInfo info;

    public McpTool(McpClient client, McpClient.ToolInfo info) {
        this.client = client;
        this.info = info;
    }

    @Override
    public String name() {
        return "mcp__" + client.config().name() + "__" + info.name();
    }

    @Override
    public String description() {
        return info.description().isBlank() ? "Tool " + info.name() + " of MCP server " + client.config().name()
                : info.description();
    }

    @Override
    public ObjectNode inputSchema() {
        return info.inputSchema().deepCopy();
    }

    @Override
    public boolean readOnly() {
        return info.readOnly();
    }

    @Override
    public ToolOutput run(JsonNode input, ToolContext context) throws ToolException {
        try {
            McpClient.CallResult result = client.callTool(info.name(), input);
            return new ToolOutput(result.text(), result.isError(), null, List.of());
        } catch (IOException e) {
            throw new ToolException("The MCP server '" + client.config().name() + "' failed: " + e.getMessage());
        }
    }

    /** The tools of every connected client. */
    public static List<McpTool> of(List<McpClient> clients) {
        return clients.stream().filter(client -> "connected".equals(client.status()))
                .flatMap(client -> client.tools().stream().map(info -> new McpTool(client, info))).toList();
    }
}
