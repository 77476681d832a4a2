package dev.questbench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.agent.builtin.BuiltinAgent;
import dev.questbench.domain.Ids;
import dev.questbench.llm.ProviderConfig;
import dev.questbench.store.Settings;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The models and agents the server offers: the configured providers' models, the built-in agent, and agent
 * definitions saved through {@code POST /agents} (kept in the settings).
 */
final class AgentCatalog {
    static final String BUILTIN_ID = "agent_builtin";
    private static final String SAVED_KEY = "server.agents";

    private final BuiltinAgent agent;
    private final Settings settings;
    private final String modelOverride;

    AgentCatalog(BuiltinAgent agent, Settings settings, String modelOverride) {
        this.agent = agent;
        this.settings = settings;
        this.modelOverride = modelOverride;
    }

    /** Model objects in the Cloud Agents shape, the default first. */
    List<ObjectNode> models() {
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        String fallback = defaultModel();
        if (fallback != null) {
            byId.put(fallback, model(fallback, fallback + " (default)"));
        }
        for (ProviderConfig config : agent.providers().all()) {
            if (config.model() != null && !config.model().isBlank()) {
                byId.putIfAbsent(config.model(), model(config.model(), config.model() + " (" + config.name() + ")"));
            }
        }
        return new ArrayList<>(byId.values());
    }

    /** The model a session uses when its agent names none the workbench knows. */
    String defaultModel() {
        if (modelOverride != null) {
            return modelOverride;
        }
        try {
            return agent.provider(null).config().model();
        } catch (RuntimeException e) {
            return null;
        }
    }

    List<ObjectNode> agents() {
        List<ObjectNode> all = new ArrayList<>();
        all.add(builtin());
        saved().forEach(node -> all.add(node.deepCopy()));
        return all;
    }

    Optional<ObjectNode> agent(String id) {
        return agents().stream().filter(node -> node.path("id").asText().equals(id)).findFirst();
    }

    /** Saves a new agent definition; a model the workbench does not know maps to the default, said in metadata. */
    ObjectNode create(ObjectNode body) {
        String name = body.path("name").asText("").strip();
        if (name.isEmpty() || name.length() > 256) {
            throw ApiException.invalid(name.isEmpty() ? "Missing required field: name" : "name is at most 256 "
                    + "characters.", "name");
        }
        JsonNode modelField = body.path("model");
        String requested = modelField.isObject() ? modelField.path("id").asText("") : modelField.asText("");
        if (requested.isBlank()) {
            throw ApiException.invalid("Missing required field: model", "model");
        }
        Map<String, String> metadata = SessionRecords.patch(Map.of(), body.get("metadata"));
        String model = requested;
        boolean known = models().stream().anyMatch(m -> m.path("id").asText().equals(requested));
        if (!known) {
            model = defaultModel() == null ? requested : defaultModel();
            metadata.put("requested_model", requested);
            metadata.put("model_note", "Model '" + requested + "' is not configured in Questbench; the default model '"
                    + model + "' is used.");
        }
        String now = Instant.now().toString();
        ObjectNode created = ApiExchange.JSON.createObjectNode();
        created.put("id", "agent_" + Ids.ulid().toLowerCase(java.util.Locale.ROOT)).put("type", "agent")
                .put("name", name).put("description", body.path("description").asText(""))
                .put("model", model).put("system", body.path("system").asText(""));
        created.set("tools", body.path("tools").isArray() ? body.get("tools").deepCopy()
                : ApiExchange.JSON.createArrayNode());
        created.putArray("mcp_servers");
        created.putArray("skills");
        ObjectNode meta = created.putObject("metadata");
        metadata.forEach(meta::put);
        created.putNull("multiagent");
        created.put("version", 1).putNull("archived_at").put("created_at", now).put("updated_at", now);
        synchronized (this) {
            ArrayNode saved = saved();
            saved.add(created);
            settings.rawSet(SAVED_KEY, saved.toString());
        }
        return created.deepCopy();
    }

    /** The environment every session runs in: this machine. */
    static ObjectNode environment() {
        ObjectNode env = ApiExchange.JSON.createObjectNode().put("id", ServerApi.ENVIRONMENT_ID)
                .put("type", "environment").put("name", "local")
                .put("description", "This machine: sessions work in their metadata.workspace folder or a scratch "
                        + "folder under the data directory.");
        env.putObject("config").put("type", "self_hosted");
        env.putObject("metadata");
        env.putNull("archived_at").put("created_at", Instant.EPOCH.toString())
                .put("updated_at", Instant.EPOCH.toString());
        return env;
    }

    private ObjectNode builtin() {
        String now = Instant.EPOCH.toString();
        ObjectNode node = ApiExchange.JSON.createObjectNode();
        node.put("id", BUILTIN_ID).put("type", "agent").put("name", "Questbench built-in agent")
                .put("description", "A tool-calling loop over the configured model: Read, Write, Edit, Glob, Grep, "
                        + "Bash, WebFetch, TodoWrite, AskUserQuestion.");
        String model = defaultModel();
        if (model == null) {
            node.putNull("model");
        } else {
            node.put("model", model);
        }
        node.put("system", "");
        node.putArray("tools").addObject().put("type", "agent_toolset_20260401");
        node.putArray("mcp_servers");
        node.putArray("skills");
        node.putObject("metadata");
        node.putNull("multiagent");
        node.put("version", 1).putNull("archived_at").put("created_at", now).put("updated_at", now);
        return node;
    }

    private ArrayNode saved() {
        Optional<String> json = settings.raw(SAVED_KEY);
        if (json.isPresent()) {
            try {
                JsonNode node = ApiExchange.JSON.readTree(json.get());
                if (node instanceof ArrayNode array) {
                    return array;
                }
            } catch (IOException e) {
                // an unreadable list is treated as empty; the next save rewrites it
            }
        }
        return ApiExchange.JSON.createArrayNode();
    }

    private static ObjectNode model(String id, String displayName) {
        ObjectNode node = ApiExchange.JSON.createObjectNode().put("id", id).put("type", "model")
                .put("display_name", displayName).put("source", "user").put("is_enabled", true)
                .put("is_new", false).put("price_factor", 1);
        node.putArray("efforts");
        node.putNull("default_effort");
        return node;
    }
}
