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
 * A connection to one MCP server: initialize, {@code tools/list}, {@code tools/call}, {@code resources/list} and
 * {@code resources/read}. A server whose process ended (stdio) or whose event stream dropped (SSE) is connected
 * again (and initialized) on the next call, once per call.
 */
public final class McpClient implements AutoCloseable {
    static final String PROTOCOL_VERSION = "2025-06-18";
    private final McpServerConfig config;
    private final Path workDir;
    private final McpAuth auth;
    private final AtomicLong ids = new AtomicLong();
    private McpTransport transport;
    private volatile String status = "not started";
    private List<ToolInfo> tools = List.of();
    private boolean resources;
    private int resourceCount;
    private int restarts;
    private boolean connecting;

    /** One tool the server offers. */
    public record ToolInfo(String name, String description, ObjectNode inputSchema, boolean readOnly) {
    }

    /** What a tool call returned: its text content and whether the server flagged it as an error. */
    public record CallResult(String text, boolean isError) {
    }

    public McpClient(McpServerConfig config, Path workDir) {
        this(config, workDir, null);
    }

    /** @param tokens where OAuth tokens of HTTP servers are kept, or null for none */
    public McpClient(McpServerConfig config, Path workDir, McpTokens tokens) {
        this.config = config;
        this.workDir = workDir;
        this.auth = tokens == null || config.stdio() ? McpAuth.NONE : tokens.auth(config);
    }

    public McpServerConfig config() {
        return config;
    }

    /** {@code connected}, {@code failed: <reason>}, {@code needs auth: <reason>} or {@code not started}. */
    public String status() {
        return status;
    }

    /** True when the server answered 401 and no token could fix it: the user has to sign in. */
    public boolean needsAuth() {
        return status.startsWith("needs auth");
    }

    public synchronized List<ToolInfo> tools() {
        return tools;
    }

    /** True when the server advertises the {@code resources} capability. */
    public synchronized boolean hasResources() {
        return resources;
    }

    /** How many resources the server listed when it connected. */
    public synchronized int resourceCount() {
        return resourceCount;
    }

    /** {@code connected, 2 tools, 3 resources} or the status. */
    public synchronized String summary() {
        if (!"connected".equals(status)) {
            return status;
        }
        return "connected, " + tools.size() + " tools" + (resources ? ", " + resourceCount + " resources" : "");
    }

    /** How often the server was started again after its process ended. */
    public synchronized int restarts() {
        return restarts;
    }

    /** Starts the server and reads its tools; false (with the reason in {@link #status()}) when that fails. */
    public synchronized boolean connect() {
        closeTransport();
        connecting = true;
        try {
            transport = config.stdio() ? new StdioTransport(config, workDir)
                    : config.sse() ? new SseTransport(config, auth) : new HttpTransport(config, auth);
            ObjectNode params = EventJson.mapper().createObjectNode().put("protocolVersion", PROTOCOL_VERSION);
            params.putObject("capabilities");
            params.putObject("clientInfo").put("name", "questbench").put("version", "1");
            JsonNode initialized = result(call("initialize", params));
            transport.notify(EventJson.mapper().createObjectNode().put("jsonrpc", "2.0")
                    .put("method", "notifications/initialized"));
            JsonNode capabilities = initialized.path("capabilities");
            tools = listTools(capabilities.has("tools"));
            resources = capabilities.has("resources");
            resourceCount = resources ? listResourcesNow().size() : 0;
            status = "connected";
            return true;
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            status = (e instanceof McpAuth.NeedsAuthException ? "needs auth: " : "failed: ") + reason;
            closeTransport();
            return false;
        } finally {
            connecting = false;
        }
    }

    /** Calls a tool; a server that went away is connected again once first. */
    public synchronized CallResult callTool(String name, JsonNode arguments) throws IOException {
        ensureConnected();
        ObjectNode params = EventJson.mapper().createObjectNode().put("name", name);
        params.set("arguments", arguments == null || !arguments.isObject() ? EventJson.mapper().createObjectNode()
                : arguments);
        JsonNode result = tracked(() -> result(call("tools/call", params)));
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

    /** The server's resources ({@code resources/list}, all pages). */
    public synchronized List<McpResources.Resource> listResources() throws IOException {
        ensureConnected();
        return tracked(this::listResourcesNow);
    }

    /** One resource's contents as text for the model; binary contents are described, not dumped. */
    public synchronized String readResource(String uri) throws IOException {
        ensureConnected();
        JsonNode result = tracked(() -> result(call("resources/read",
                EventJson.mapper().createObjectNode().put("uri", uri))));
        return McpResources.describe(result);
    }

    private List<ToolInfo> listTools(boolean advertised) throws IOException {
        try {
            return parseTools(result(call("tools/list", EventJson.mapper().createObjectNode())));
        } catch (IOException e) {
            if (advertised || e instanceof McpAuth.NeedsAuthException) {
                throw e;
            }
            return List.of(); // a server without tools (only resources) may refuse tools/list
        }
    }

    private List<McpResources.Resource> listResourcesNow() throws IOException {
        List<McpResources.Resource> out = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < McpResources.MAX_PAGES; page++) {
            ObjectNode params = EventJson.mapper().createObjectNode();
            if (cursor != null) {
                params.put("cursor", cursor);
            }
            JsonNode result = result(call("resources/list", params));
            out.addAll(McpResources.parse(result));
            cursor = result.path("nextCursor").asText(null);
            if (cursor == null || cursor.isBlank()) {
                break;
            }
        }
        return out;
    }

    private void ensureConnected() throws IOException {
        if (transport == null || !transport.alive()) {
            restarts++;
            if (!connect()) {
                throw new IOException("the MCP server '" + config.name() + "' could not be restarted (" + status
                        + ")");
            }
        }
    }

    private interface Call<T> {
        T run() throws IOException;
    }

    private <T> T tracked(Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (IOException e) {
            status = (e instanceof McpAuth.NeedsAuthException ? "needs auth: " : "failed: ") + e.getMessage();
            throw e;
        }
    }

    private JsonNode call(String method, ObjectNode params) throws IOException {
        try {
            return transport.request(message(method, params));
        } catch (SseTransport.StreamGoneException e) {
            if (connecting) {
                throw e;
            }
            restarts++; // the request never reached the server: connect again and send it once more
            if (!connect()) {
                throw new IOException("the MCP server '" + config.name() + "' could not be reconnected (" + status
                        + ")");
            }
            return transport.request(message(method, params));
        }
    }

    private ObjectNode message(String method, ObjectNode params) {
        ObjectNode message = EventJson.mapper().createObjectNode().put("jsonrpc", "2.0")
                .put("id", ids.incrementAndGet()).put("method", method);
        message.set("params", params);
        return message;
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
