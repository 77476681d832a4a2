package dev.questbench.agent.builtin.mcp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * MCP servers marked {@code shared}: started once and used by every quest that has them, counted by user; the
 * last quest to let go stops it, and any still running are stopped when the app exits. Calls of different quests
 * to one shared server take turns (the client is synchronized).
 */
public final class SharedMcpServers {
    private static final SharedMcpServers APP = new SharedMcpServers();
    private final Map<Key, Entry> running = new HashMap<>();

    private record Key(McpServerConfig config, Path dir) {
    }

    private static final class Entry {
        private final McpClient client;
        private int users;

        private Entry(McpClient client) {
            this.client = client;
        }
    }

    SharedMcpServers() {
    }

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(APP::closeAll, "mcp-shared-stop"));
    }

    /** The app's shared servers. */
    public static SharedMcpServers app() {
        return APP;
    }

    /** The running client for the config (started, or started again after a failure, as needed). */
    public McpClient acquire(McpServerConfig config, Path dir, McpTokens tokens) {
        Entry entry;
        synchronized (this) {
            entry = running.computeIfAbsent(new Key(config, dir), key -> new Entry(new McpClient(config, dir,
                    tokens)));
            entry.users++;
        }
        synchronized (entry) {
            if (!"connected".equals(entry.client.status())) {
                entry.client.connect();
            }
        }
        return entry.client;
    }

    /** One quest is done with the client; the last one stops the server. */
    public void release(McpClient client) {
        McpClient stop = null;
        synchronized (this) {
            for (Map.Entry<Key, Entry> item : running.entrySet()) {
                if (item.getValue().client == client && --item.getValue().users <= 0) {
                    running.remove(item.getKey());
                    stop = client;
                    break;
                }
            }
        }
        if (stop != null) {
            stop.close();
        }
    }

    /** How many quests use each running shared server, by name. */
    public synchronized Map<String, Integer> users() {
        Map<String, Integer> out = new HashMap<>();
        running.values().forEach(entry -> out.merge(entry.client.config().name(), entry.users, Integer::sum));
        return out;
    }

    void closeAll() {
        List<McpClient> all;
        synchronized (this) {
            all = new ArrayList<>(running.values().stream().map(entry -> entry.client).toList());
            running.clear();
        }
        all.forEach(McpClient::close);
    }
}
