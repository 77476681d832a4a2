package dev.questbench.ui.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.agent.builtin.AgentSettings;
import dev.questbench.agent.builtin.mcp.McpClient;
import dev.questbench.agent.builtin.mcp.McpServerConfig;
import dev.questbench.domain.Workspace;
import dev.questbench.domain.event.EventJson;
import dev.questbench.store.Store;
import dev.questbench.ui.common.TaskRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Settings → MCP: the servers of the app settings ({@code agent.mcpServers}, editable: add, remove, switch) and
 * of every open workspace's {@code .mcp.json} (read-only here), each with a Test that starts it and shows its
 * status and tool count. Changes are stored at once.
 */
public final class McpViewModel {
    /** One listed server; {@code status} is empty until tested. */
    public record Row(String name, String target, String source, boolean enabled, boolean editable,
                      String status) {
    }

    private final Store store;
    private final TaskRunner tasks;
    private final Path workDir;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final Map<String, String> statuses = new HashMap<>();

    /** @param workDir the folder stdio servers start in when tested (the user's home) */
    public McpViewModel(Store store, TaskRunner tasks, Path workDir) {
        this.store = store;
        this.tasks = tasks;
        this.workDir = workDir;
    }

    public ObservableList<Row> rows() {
        return rowsView;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public void load() {
        tasks.run(this::read, rows::setAll, this::failed);
    }

    /** Adds a settings server: an http(s) URL, or a command line (program and arguments split on spaces). */
    public void add(String name, String commandOrUrl) {
        problem.set(null);
        String key = name == null ? "" : name.strip();
        String target = commandOrUrl == null ? "" : commandOrUrl.strip();
        if (!key.matches("[A-Za-z0-9_-]+") || target.isEmpty()) {
            problem.set("Give the server a name of letters, digits, - or _, and a command or an http(s) URL.");
            return;
        }
        edit(servers -> {
            ObjectNode entry = servers.putObject(key);
            if (target.startsWith("http://") || target.startsWith("https://")) {
                entry.put("url", target);
            } else {
                List<String> parts = Arrays.asList(target.split("\\s+"));
                entry.put("command", parts.get(0));
                parts.subList(1, parts.size()).forEach(entry.putArray("args")::add);
            }
        });
    }

    public void remove(String name) {
        edit(servers -> servers.remove(name));
    }

    public void setEnabled(String name, boolean enabled) {
        edit(servers -> {
            if (servers.get(name) instanceof ObjectNode entry) {
                if (enabled) {
                    entry.remove("disabled");
                } else {
                    entry.put("disabled", true);
                }
            }
        });
    }

    /** Starts the server, lists its tools and stops it; the row shows the outcome. */
    public void test(String name) {
        problem.set(null);
        tasks.run(() -> {
            McpServerConfig config = configs().stream().filter(c -> c.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("There is no enabled server named " + name + "."));
            try (McpClient client = new McpClient(config, workDir)) {
                statuses.put(name, client.connect() ? "connected, " + client.tools().size() + " tools"
                        : client.status());
            }
            return read();
        }, rows::setAll, this::failed);
    }

    private void edit(java.util.function.Consumer<ObjectNode> change) {
        problem.set(null);
        tasks.run(() -> {
            JsonNode stored = store.settings().get(AgentSettings.MCP_SERVERS);
            ObjectNode servers = stored instanceof ObjectNode object ? object.deepCopy()
                    : EventJson.mapper().createObjectNode();
            change.accept(servers);
            store.settings().set(AgentSettings.MCP_SERVERS, servers);
            return read();
        }, rows::setAll, this::failed);
    }

    private List<McpServerConfig> configs() {
        List<McpServerConfig> out = new ArrayList<>(McpServerConfig.parse(store.settings()
                .get(AgentSettings.MCP_SERVERS), "settings"));
        for (Workspace workspace : store.workspaces().list()) {
            out.addAll(McpServerConfig.parse(mcpJson(Path.of(workspace.path())), workspace.name()));
        }
        return out;
    }

    private List<Row> read() {
        List<Row> out = new ArrayList<>();
        add(out, store.settings().get(AgentSettings.MCP_SERVERS), "settings", true);
        for (Workspace workspace : store.workspaces().list()) {
            add(out, mcpJson(Path.of(workspace.path())), ".mcp.json of " + workspace.name(), false);
        }
        return out;
    }

    private void add(List<Row> out, JsonNode servers, String source, boolean editable) {
        if (servers == null || !servers.isObject()) {
            return;
        }
        servers.fields().forEachRemaining(field -> {
            JsonNode entry = field.getValue();
            String target = entry.hasNonNull("url") ? entry.get("url").asText()
                    : (entry.path("command").asText("") + " " + String.join(" ", strings(entry.path("args")))).strip();
            out.add(new Row(field.getKey(), target, source, !entry.path("disabled").asBoolean(false), editable,
                    statuses.getOrDefault(field.getKey(), "")));
        });
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asText()));
        return out;
    }

    private static JsonNode mcpJson(Path workspace) {
        Path file = workspace.resolve(".mcp.json");
        try {
            return Files.isRegularFile(file) ? EventJson.mapper().readTree(file.toFile()).path("mcpServers") : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void failed(Throwable failure) {
        problem.set("The MCP servers could not be changed: " + failure.getMessage());
    }
}
