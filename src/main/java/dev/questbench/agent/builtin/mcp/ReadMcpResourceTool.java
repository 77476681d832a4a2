package dev.questbench.agent.builtin.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.agent.builtin.tools.Tool;
import dev.questbench.agent.builtin.tools.ToolContext;
import dev.questbench.agent.builtin.tools.ToolException;
import dev.questbench.agent.builtin.tools.ToolOutput;
import java.io.IOException;
import java.util.List;

/** {@code ReadMcpResourceTool}: reads one resource of an MCP server by its URI. */
public final class ReadMcpResourceTool implements Tool {
    public static final String NAME = "ReadMcpResourceTool";
    private final List<McpClient> clients;

    ReadMcpResourceTool(List<McpClient> clients) {
        this.clients = List.copyOf(clients);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Read one resource of an MCP server by its URI (find them with " + ListMcpResourcesTool.NAME
                + "). Text comes back as it is; binary contents are described by type and size.";
    }

    @Override
    public ObjectNode inputSchema() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("server").put("type", "string").put("description", "The MCP server's name");
        properties.putObject("uri").put("type", "string").put("description", "The resource's URI");
        schema.putArray("required").add("server").add("uri");
        schema.put("additionalProperties", false);
        return schema;
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public ToolOutput run(JsonNode input, ToolContext context) throws ToolException {
        String server = input == null ? "" : input.path("server").asText("");
        String uri = input == null ? "" : input.path("uri").asText("");
        if (server.isBlank() || uri.isBlank()) {
            throw new ToolException("Give both 'server' and 'uri'.");
        }
        McpClient client = ListMcpResourcesTool.named(clients, server);
        try {
            return ToolOutput.ok(client.readResource(uri));
        } catch (IOException e) {
            throw new ToolException("The MCP server '" + server + "' could not read " + uri + ": " + e.getMessage());
        }
    }
}
