package dev.questbench.agent.builtin.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.agent.builtin.tools.Tool;
import dev.questbench.agent.builtin.tools.ToolContext;
import dev.questbench.agent.builtin.tools.ToolException;
import dev.questbench.agent.builtin.tools.ToolOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@code ListMcpResourcesTool}: the resources of one connected MCP server, or of all that offer resources. */
public final class ListMcpResourcesTool implements Tool {
    public static final String NAME = "ListMcpResourcesTool";
    private final List<McpClient> clients;

    ListMcpResourcesTool(List<McpClient> clients) {
        this.clients = List.copyOf(clients);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "List the resources (files, documents, records) MCP servers offer, one per line as "
                + "'server: uri (name) [mime type] — description'. Give 'server' to list only that server's. Read "
                + "one with " + ReadMcpResourceTool.NAME + ".";
    }

    @Override
    public ObjectNode inputSchema() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        schema.putObject("properties").putObject("server").put("type", "string")
                .put("description", "Optional MCP server name; all servers when left out");
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
        List<McpClient> chosen = server.isBlank() ? clients : List.of(named(clients, server));
        StringBuilder out = new StringBuilder();
        List<String> problems = new ArrayList<>();
        for (McpClient client : chosen) {
            try {
                out.append(McpResources.list(client.config().name(), client.listResources()));
            } catch (IOException e) {
                problems.add("The MCP server '" + client.config().name() + "' failed: " + e.getMessage());
            }
        }
        problems.forEach(problem -> out.append(problem).append('\n'));
        String text = out.toString().strip();
        return new ToolOutput(text.isEmpty() ? "No resources." : text, !problems.isEmpty() && problems.size()
                == chosen.size(), null, List.of());
    }

    /** The client of a server with resources, or a message naming the servers there are. */
    static McpClient named(List<McpClient> clients, String server) throws ToolException {
        return clients.stream().filter(client -> client.config().name().equals(server)).findFirst()
                .orElseThrow(() -> new ToolException("No connected MCP server named '" + server + "' offers "
                        + "resources. Servers with resources: " + String.join(", ", clients.stream()
                        .map(client -> client.config().name()).toList()) + "."));
    }

    /** Both resource tools when a connected server offers resources, else none. */
    public static List<Tool> of(List<McpClient> clients) {
        List<McpClient> withResources = clients.stream()
                .filter(client -> "connected".equals(client.status()) && client.hasResources()).toList();
        return withResources.isEmpty() ? List.of()
                : List.of(new ListMcpResourcesTool(withResources), new ReadMcpResourceTool(withResources));
    }
}
