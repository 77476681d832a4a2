package dev.questbench.agent.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.store.Settings;

/**
 * Finds what a remote session needs and creates what is missing: a model (the first enabled one when none is
 * chosen), an environment (the first listed, else a new "questbench" one — new accounts have none) and an agent
 * with the Cloud toolset that asks before writing or running commands. Chosen and created ids are remembered in
 * the settings.
 */
final class CloudSetup {
    private static final String[] ASK_FIRST = {"Bash", "Write", "Edit"};

    private CloudSetup() {
    }

    /** The agent and environment ids, created when the settings name none. */
    record Target(String agentId, String environmentId) {
    }

    static Target resolve(CloudApi api, Settings settings) throws CloudException {
        String environment = settings.get(CloudSettings.ENVIRONMENT_ID);
        if (environment == null || environment.isBlank()) {
            environment = environment(api);
            settings.set(CloudSettings.ENVIRONMENT_ID, environment);
        }
        String agent = settings.get(CloudSettings.AGENT_ID);
        if (agent == null || agent.isBlank()) {
            agent = agent(api, model(api, settings.get(CloudSettings.MODEL)));
            settings.set(CloudSettings.AGENT_ID, agent);
        }
        return new Target(agent, environment);
    }

    private static String environment(CloudApi api) throws CloudException {
        JsonNode listed = api.get("environments?limit=20");
        for (JsonNode environment : listed.path("data")) {
            if (environment.path("archived_at").isNull() || environment.path("archived_at").isMissingNode()) {
                return environment.path("id").asText();
            }
        }
        ObjectNode create = CloudApi.JSON.createObjectNode().put("name", "questbench");
        create.putObject("config").put("type", "cloud").putObject("networking").put("type", "limited");
        return api.post("environments", create).path("id").asText();
    }

    private static String model(CloudApi api, String chosen) throws CloudException {
        if (chosen != null && !chosen.isBlank()) {
            return chosen;
        }
        for (JsonNode model : api.get("models").path("data")) {
            if (model.path("is_enabled").asBoolean(true)) {
                return model.path("id").asText();
            }
        }
        return "auto";
    }

    private static String agent(CloudApi api, String model) throws CloudException {
        ObjectNode create = CloudApi.JSON.createObjectNode().put("name", "Questbench").put("model", model)
                .put("description", "Runs quests delegated from Questbench");
        ObjectNode toolset = create.putArray("tools").addObject().put("type", "agent_toolset_20260401");
        ArrayNode configs = toolset.putArray("configs");
        for (String tool : ASK_FIRST) {
            configs.addObject().put("name", tool).put("enabled", true).putObject("permission_policy")
                    .put("type", "always_ask");
        }
        return api.post("agents", create).path("id").asText();
    }
}
