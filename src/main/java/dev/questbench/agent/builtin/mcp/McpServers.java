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
        List<McpClient> clients = configs.stream().map(config -> new McpClient(config, workDir)).toList();
        clients.parallelStream().forEach(McpClient::connect);
        return clients;
    }
}
