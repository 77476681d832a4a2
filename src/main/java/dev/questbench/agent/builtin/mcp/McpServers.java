package dev.questbench.agent.builtin.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.domain.event.EventJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The MCP servers of a quest: the workspace's {@code .mcp.json} first, then the app settings' {@code mcpServers}. */
public final class McpServers {
    private McpServers() {
    }

    /**
     * @param workDir  the workspace, or null
     * @param settings the settings' {@code mcpServers} object, or null
     */
    public static List<McpServerConfig> configured(Path workDir, JsonNode settings) {
        Map<String, McpServerConfig> byName = new LinkedHashMap<>();
        if (workDir != null && Files.isRegularFile(workDir.resolve(".mcp.json"))) {
            try {
                JsonNode file = EventJson.mapper().readTree(workDir.resolve(".mcp.json").toFile());
                McpServerConfig.parse(file.path("mcpServers"), ".mcp.json")
                        .forEach(config -> byName.putIfAbsent(config.name(), config));
            } catch (IOException e) {
                // a broken .mcp.json offers no servers; the quest still runs
            }
        }
        McpServerConfig.parse(settings, "settings").forEach(config -> byName.putIfAbsent(config.name(), config));
        return new ArrayList<>(byName.values());
    }

    /** Connects to every server (at once); those that fail keep their reason in {@link McpClient#status()}. */
    public static List<McpClient> connect(List<McpServerConfig> configs, Path workDir) {
        return connect(configs, workDir, workDir, null, SharedMcpServers.app());
    }

    /**
     * Connects to every server (at once): per-quest ones start in the workspace, shared ones are taken from
     * {@code shared} (a settings server starts in {@code home}, a {@code .mcp.json} one in its workspace). Give
     * the list back to {@link #release} when the quest ends.
     *
     * @param tokens the OAuth tokens of HTTP servers, or null
     */
    public static List<McpClient> connect(List<McpServerConfig> configs, Path workDir, Path home, McpTokens tokens,
                                          SharedMcpServers shared) {
        List<McpClient> clients = configs.parallelStream().map(config -> {
            if (config.shared()) {
                Path dir = ".mcp.json".equals(config.source()) || home == null ? workDir : home;
                return shared.acquire(config, dir, tokens);
            }
            McpClient client = new McpClient(config, workDir, tokens);
            client.connect();
            return client;
        }).toList();
        return List.copyOf(clients);
    }

    /** Stops the quest's own servers and lets go of the shared ones. */
    public static void release(List<McpClient> clients, SharedMcpServers shared) {
        for (McpClient client : clients) {
            if (client.config().shared()) {
                shared.release(client);
            } else {
                client.close();
            }
        }
    }
}
