package dev.questbench.ui.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.agent.builtin.AgentSettings;
import dev.questbench.agent.builtin.mcp.McpClient;
import dev.questbench.agent.builtin.mcp.McpOAuth;
import dev.questbench.agent.builtin.mcp.McpServerConfig;
import dev.questbench.agent.builtin.mcp.McpTokens;
import dev.questbench.agent.builtin.mcp.SharedMcpServers;
import dev.questbench.domain.Workspace;
import dev.questbench.domain.event.EventJson;
import dev.questbench.store.Store;
import dev.questbench.ui.common.TaskRunner;
import dev.questbench.ui.preview.SystemApps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Settings → MCP: the servers of the app settings ({@code agent.mcpServers}, editable: add, remove, switch on or
 * off, share) and of every open workspace's {@code .mcp.json} (read-only here), each with a Test that starts it
 * and shows its status, tool and resource counts, and Sign in / Sign out for HTTP servers that need OAuth. Edits
 * are kept until the dialog's Save (Cancel drops them); signing in and out take effect at once (tokens live in
 * {@code secrets.json}).
 */
public final class McpViewModel {
    /** One listed server; {@code status} is empty until tested. */
    public record Row(String name, String target, String source, boolean enabled, boolean editable,
                      String status, boolean shared, boolean http, boolean signedIn) {

        /** True when the server answered 401 and a sign-in may fix it. */
        public boolean needsAuth() {
            return status.startsWith("needs auth");
        }
    }

    private record WorkspaceServers(String source, JsonNode servers) {
    }

    private final Store store;
    private final TaskRunner tasks;
    private final Path workDir;
    private final McpOAuth.Browser browser;
    private final McpTokens tokens;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final Map<String, String> statuses = new ConcurrentHashMap<>();
    private ObjectNode servers = EventJson.mapper().createObjectNode();
    private List<WorkspaceServers> workspaces = List.of();
    private boolean changed;

    /** @param workDir the folder stdio servers start in when tested (the user's home) */
    public McpViewModel(Store store, TaskRunner tasks, Path workDir) {
        this(store, tasks, workDir, uri -> SystemApps.desktop().browse(uri));
    }

    /** @param browser opens the sign-in page of an OAuth server */
    public McpViewModel(Store store, TaskRunner tasks, Path workDir, McpOAuth.Browser browser) {
        this.store = store;
        this.tasks = tasks;
        this.workDir = workDir;
        this.browser = browser;
        this.tokens = new McpTokens(store.secrets());
    }

    public ObservableList<Row> rows() {
        return rowsView;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public void load() {
        load(false);
    }

    /**
     * Loads, then connects to every enabled HTTP server in the background, so one that needs a sign-in shows its
     * Sign in button at once; stdio servers are not started (their Test does that). What Settings → MCP opens with.
     */
    public void loadAndCheck() {
        load(true);
    }

    private void load(boolean check) {
        tasks.run(() -> {
            JsonNode stored = store.settings().get(AgentSettings.MCP_SERVERS);
            List<WorkspaceServers> found = new ArrayList<>();
            for (Workspace workspace : store.workspaces().list()) {
                found.add(new WorkspaceServers(workspace.name(), mcpJson(Path.of(workspace.path()))));
            }
            servers = stored instanceof ObjectNode object ? object.deepCopy() : EventJson.mapper().createObjectNode();
            workspaces = List.copyOf(found);
            return read();
        }, loaded -> {
            rows.setAll(loaded);
            if (check) {
                loaded.stream().filter(row -> row.http() && row.enabled() && row.status().isEmpty())
                        .forEach(row -> test(row.name()));
            }
        }, this::failed);
    }

    /**
     * Adds a settings server: an http(s) URL (the older SSE transport when the URL ends in {@code /sse} or is
     * written {@code sse <url>}), or a command line (program and arguments split on spaces).
     */
    public void add(String name, String commandOrUrl) {
        problem.set(null);
        String key = name == null ? "" : name.strip();
        String target = commandOrUrl == null ? "" : commandOrUrl.strip();
        if (!key.matches("[A-Za-z0-9_-]+") || target.isEmpty()) {
            problem.set("Give the server a name of letters, digits, - or _, and a command or an http(s) URL.");
            return;
        }
        edit(all -> {
            ObjectNode entry = all.putObject(key);
            String url = target.startsWith("sse ") ? target.substring(4).strip() : target;
            if (url.startsWith("http://") || url.startsWith("https://")) {
                entry.put("type", target.startsWith("sse ") || url.replaceAll("[?#].*", "").endsWith("/sse") ? "sse"
                        : "http").put("url", url);
            } else {
                List<String> parts = Arrays.asList(target.split("\\s+"));
                entry.put("command", parts.get(0));
                parts.subList(1, parts.size()).forEach(entry.putArray("args")::add);
            }
        });
    }

    public void remove(String name) {
        edit(all -> all.remove(name));
    }

    public void setEnabled(String name, boolean enabled) {
        flag(name, "disabled", !enabled);
    }

    /** A shared server is started once for all quests instead of once per quest. */
    public void setShared(String name, boolean shared) {
        flag(name, "shared", shared);
    }

    /** Starts the server (as edited, even before Save), lists its tools and resources and stops it. */
    public void test(String name) {
        problem.set(null);
        tasks.run(() -> {
            McpServerConfig config = config(name);
            try (McpClient client = new McpClient(config, workDir, tokens)) {
                client.connect();
                statuses.put(name, client.summary());
            }
            return read();
        }, rows::setAll, this::failed);
    }

    /** Runs the OAuth sign-in in the browser (waits for it), then tests the server again. */
    public void signIn(String name) {
        problem.set(null);
        statuses.put(name, "signing in: finish in the browser…");
        rows.setAll(read());
        tasks.run(() -> {
            McpOAuth.signIn(config(name), tokens, browser);
            return name;
        }, this::test, failure -> {
            statuses.put(name, "needs auth: " + failure.getMessage());
            rows.setAll(read());
        });
    }

    /** Forgets the server's OAuth tokens (in {@code secrets.json}). */
    public void signOut(String name) {
        problem.set(null);
        tasks.run(() -> {
            tokens.signOut(config(name));
            statuses.put(name, "signed out");
            return read();
        }, rows::setAll, this::failed);
    }

    /** Stores the edited servers (if anything changed), then runs {@code onSaved}. */
    public void save(Runnable onSaved) {
        if (!changed) {
            onSaved.run();
            return;
        }
        ObjectNode edited = servers.deepCopy();
        saving.set(true);
        tasks.run(() -> {
            store.settings().set(AgentSettings.MCP_SERVERS, edited);
            return null;
        }, ignored -> {
            saving.set(false);
            changed = false;
            onSaved.run();
        }, failure -> {
            saving.set(false);
            problem.set("The MCP servers could not be saved: " + failure.getMessage() + ". Try Save again.");
        });
    }

    private void flag(String name, String field, boolean on) {
        edit(all -> {
            if (all.get(name) instanceof ObjectNode entry) {
                if (on) {
                    entry.put(field, true);
                } else {
                    entry.remove(field);
                }
            }
        });
    }

    private void edit(Consumer<ObjectNode> change) {
        problem.set(null);
        change.accept(servers);
        changed = true;
        rows.setAll(read());
    }

    private McpServerConfig config(String name) {
        List<McpServerConfig> all = new ArrayList<>(McpServerConfig.parse(servers, "settings"));
        workspaces.forEach(found -> all.addAll(McpServerConfig.parse(found.servers(), ".mcp.json")));
        return all.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("There is no enabled server named " + name + "."));
    }

    private List<Row> read() {
        List<Row> out = new ArrayList<>();
        add(out, servers, "settings", true);
        workspaces.forEach(found -> add(out, found.servers(), ".mcp.json of " + found.source(), false));
        return out;
    }

    private void add(List<Row> out, JsonNode all, String source, boolean editable) {
        if (all == null || !all.isObject()) {
            return;
        }
        Map<String, Integer> users = SharedMcpServers.app().users();
        all.fields().forEachRemaining(field -> {
            JsonNode entry = field.getValue();
            boolean http = entry.hasNonNull("url") && !entry.hasNonNull("command");
            String target = http ? ("sse".equals(entry.path("type").asText()) ? "SSE " : "") + entry.get("url").asText()
                    : (entry.path("command").asText("") + " " + String.join(" ", strings(entry.path("args")))).strip();
            boolean shared = entry.path("shared").asBoolean(false);
            String status = statuses.getOrDefault(field.getKey(), "");
            if (shared && users.containsKey(field.getKey())) {
                status = (status.isEmpty() ? "" : status + " · ") + "running, used by " + users.get(field.getKey())
                        + " quests";
            }
            boolean signedIn = http && tokens.signedIn(new McpServerConfig(field.getKey(), null, List.of(), null,
                    entry.get("url").asText(), null, source));
            out.add(new Row(field.getKey(), target, source, !entry.path("disabled").asBoolean(false), editable,
                    status, shared, http, signedIn));
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
        problem.set("The MCP servers could not be read or tested: " + failure.getMessage());
    }
}
