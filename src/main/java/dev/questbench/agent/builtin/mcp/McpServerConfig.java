package dev.questbench.agent.builtin.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One MCP server entry as in {@code .mcp.json}'s {@code mcpServers}: a command to start (stdio) or a URL
 * (Streamable HTTP, or the older HTTP+SSE transport with {@code "type": "sse"}).
 *
 * @param name    the key, used in tool names {@code mcp__<name>__<tool>}
 * @param command the program for stdio, or null
 * @param args    its arguments
 * @param env     extra environment variables
 * @param url     the endpoint for HTTP, or null
 * @param headers extra HTTP headers (e.g. Authorization)
 * @param source  {@code .mcp.json} or {@code settings}
 * @param type    {@code stdio}, {@code http} or {@code sse}
 * @param shared  started once and used by every quest, instead of once per quest
 */
public record McpServerConfig(String name, String command, List<String> args, Map<String, String> env, String url,
                              Map<String, String> headers, String source, String type, boolean shared) {
    public McpServerConfig {
        args = args == null ? List.of() : List.copyOf(args);
        env = env == null ? Map.of() : Map.copyOf(env);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        type = command != null && !command.isBlank() ? "stdio" : "sse".equalsIgnoreCase(type) ? "sse" : "http";
    }

    /** A per-quest server whose transport follows from the command or URL. */
    public McpServerConfig(String name, String command, List<String> args, Map<String, String> env, String url,
                           Map<String, String> headers, String source) {
        this(name, command, args, env, url, headers, source, null, false);
    }

    /** True for the legacy HTTP+SSE transport (protocol 2024-11-05). */
    public boolean sse() {
        return "sse".equals(type);
    }

    /** True for a server started as a process. */
    public boolean stdio() {
        return "stdio".equals(type);
    }

    /** The entries of an {@code mcpServers} object; entries with neither a command nor a url are skipped. */
    public static List<McpServerConfig> parse(JsonNode servers, String source) {
        List<McpServerConfig> out = new ArrayList<>();
        if (servers == null || !servers.isObject()) {
            return out;
        }
        servers.fields().forEachRemaining(field -> {
            JsonNode entry = field.getValue();
            String command = entry.hasNonNull("command") ? entry.get("command").asText() : null;
            String url = entry.hasNonNull("url") ? entry.get("url").asText() : null;
            if ((command == null || command.isBlank()) && (url == null || url.isBlank())
                    || entry.path("disabled").asBoolean(false)) {
                return;
            }
            List<String> args = new ArrayList<>();
            entry.path("args").forEach(arg -> args.add(arg.asText()));
            out.add(new McpServerConfig(field.getKey(), command, args, strings(entry.path("env")), url,
                    strings(entry.path("headers")), source, entry.path("type").asText(null),
                    entry.path("shared").asBoolean(false)));
        });
        return out;
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> out.put(field.getKey(), field.getValue().asText()));
        return out;
    }
}
