package dev.questbench.agent.builtin.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.domain.event.EventJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A connection to one MCP server: initialize, {@code tools/list}, {@code tools/call}. A stdio server whose process
 * ended is started again (and initialized) on the next call, once per call.
 */
public final class McpClient implements AutoCloseable {
    static final String PROTOCOL_VERSION = "2025-06-18";
    private final McpServerConfig config;
    private final Path workDir;
    private final AtomicLong ids = new AtomicLong();
    private McpTransport transport;
    private volatile String status = "not started";
    private List<ToolInfo> tools = List.of();
    private int restarts;

    /** One tool the server offers. */
    public record ToolInfo(String name, String description, ObjectNode inputSchema, boolean readOnly) {
    }

    /** What a tool call returned: its text content and whether the server flagged it as an error. */
    public record CallResult(String text, boolean isError) {
    }

    public McpClient(McpServerConfig config, Path workDir) {
        this.config = config;
        this.workDir = workDir;
    }

    public McpServerConfig config() {
        return config;
    }

    /** {@code connected}, {@code failed: <reason>}, {@code needs auth: <reason>} or {@code not started}. */
    public String status() {
        return status;
    }

    public synchronized List<ToolInfo> tools() {
        return tools;
    }

    /** How often the server was started again after its process ended. */
    public synchronized int restarts() {
        return restarts;
    }

    /** Starts the server and reads its tools; false (with the reason in {@link #status()}) when that fails. */
    public synchronized boolean connect() {
        closeTransport();
        try {
            transport = config.command() != null && !config.command().isBlank()
                    ? new StdioTransport(config, workDir) : new HttpTransport(config);
            ObjectNode params = EventJson.mapper().createObjectNode().put("protocolVersion", PROTOCOL_VERSION);
            params.putObject("capabilities");
            params.putObject("clientInfo").put("name", "questbench").put("version", "1");
            result(call("initialize", params));
            transport.notify(EventJson.mapper().createObjectNode().put("jsonrpc", "2.0")
                    .put("method", "notifications/initialized"));
            tools = parseTools(result(call("tools/list", EventJson.mapper().createObjectNode())));
            status = "connected";
            return true;
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            status = (reason.startsWith("HTTP 401") ? "needs auth: " : "failed: ") + reason;
            closeTransport();
            return false;
        }
    }

    /** Calls a tool; a stdio server that crashed is restarted once first. */
    public synchronized CallResult callTool(String name, JsonNode arguments) throws IOException {
        if (transport == null || !transport.alive()) {
            restarts++;
            if (!connect()) {
                throw new IOException("the MCP server '" + config.name() + "' could not be restarted (" + status
                        + ")");
            }
        }
        ObjectNode params = EventJson.mapper().createObjectNode().put("name", name);
        params.set("arguments", arguments == null || !arguments.isObject() ? EventJson.mapper().createObjectNode()
                : arguments);
        JsonNode result;
        try {
            result = result(call("tools/call", params));
        } catch (IOException e) {
            status = "failed: " + e.getMessage();
            throw e;
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : result.path("content")) {
            if ("text".equals(block.path("type").asText())) {
                text.append(text.length() == 0 ? "" : "\n").append(block.path("text").asText());
            } else {
                text.append(text.length() == 0 ? "" : "\n").append("[").append(block.path("type").asText())
                        .append(" content]");
            }
        }
        return new CallResult(text.toString(), result.path("isError").asBoolean(false));
    }

    private JsonNode call(String method, ObjectNode params) throws IOException {
        ObjectNode message = EventJson.mapper().createObjectNode().put("jsonrpc", "2.0")
                .put("id", ids.incrementAndGet()).put("method", method);
        message.set("params", params);
        return transport.request(message);
    }

    private static JsonNode result(JsonNode reply) throws IOException {
        if (reply.has("error")) {
            throw new IOException(reply.get("error").path("message").asText("error"));
        }
        return reply.path("result");
    }

    private static List<ToolInfo> parseTools(JsonNode result) {
        List<ToolInfo> out = new ArrayList<>();
        for (JsonNode tool : result.path("tools")) {
            ObjectNode schema = tool.path("inputSchema").isObject() ? (ObjectNode) tool.get("inputSchema")
                    : EventJson.mapper().createObjectNode().put("type", "object");
            out.add(new ToolInfo(tool.path("name").asText(), tool.path("description").asText(""), schema,
                    tool.path("annotations").path("readOnlyHint").asBoolean(false)));
        }
        return List.copyOf(out);
    }

    private void closeTransport() {
        if (transport != null) {
            transport.close();
            transport = null;
        }
    }

    @Override
    public synchronized void close() {
        closeTransport();
        status = "not started";
    }
}
