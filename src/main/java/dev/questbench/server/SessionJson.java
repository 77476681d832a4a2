package dev.questbench.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.QuestSummary;
import dev.questbench.domain.Workspace;
import dev.questbench.store.Store;
import java.time.Duration;

/** A quest as a Cloud Agents session object. */
final class SessionJson {
    private SessionJson() {
    }

    /** {@code running} while a turn is queued or under way, else {@code idle}. */
    static String status(QuestStatus status) {
        return status.isActive() ? "running" : "idle";
    }

    static ObjectNode of(Store store, AgentCatalog catalog, SessionRecords.Record record, QuestSummary summary) {
        Quest quest = summary.quest();
        ObjectNode node = ApiExchange.JSON.createObjectNode();
        node.put("id", quest.id()).put("type", "session");
        ObjectNode agent = catalog.agent(record.agentId()).orElseGet(() -> catalog.agent(AgentCatalog.BUILTIN_ID)
                .orElseThrow());
        ObjectNode snapshot = node.putObject("agent");
        snapshot.put("id", agent.path("id").asText()).put("type", "agent").put("name", agent.path("name").asText())
                .put("description", agent.path("description").asText());
        String model = quest.model() != null ? quest.model() : agent.path("model").asText(null);
        ObjectNode modelNode = snapshot.putObject("model");
        if (model == null) {
            modelNode.putNull("id");
        } else {
            modelNode.put("id", model);
        }
        modelNode.putNull("effective_context_window");
        snapshot.put("system", agent.path("system").asText(""));
        snapshot.set("tools", agent.path("tools").deepCopy());
        snapshot.putArray("mcp_servers");
        snapshot.putArray("skills");
        snapshot.put("version", agent.path("version").asInt(1));
        node.put("environment_id", ServerApi.ENVIRONMENT_ID);
        node.put("status", status(summary.status()));
        node.put("title", quest.title());
        ObjectNode metadata = node.putObject("metadata");
        record.metadata().forEach(metadata::put);
        if (quest.workspaceId() != null && !record.metadata().containsKey("workspace")) {
            store.workspaces().get(quest.workspaceId()).map(Workspace::path)
                    .ifPresent(path -> metadata.put("workspace", path));
        }
        node.putObject("environment_variables");
        node.put("incremental_streaming_enabled", false);
        node.putArray("resources");
        node.putArray("vault_ids");
        node.putNull("deployment_id");
        node.putArray("outcome_evaluations");
        node.putObject("stats").put("duration_seconds",
                Math.max(0, Duration.between(quest.createdAt(), summary.lastActivityAt()).toSeconds()));
        if (quest.archived()) {
            node.put("archived_at", quest.updatedAt().toString());
        } else {
            node.putNull("archived_at");
        }
        node.put("created_at", quest.createdAt().toString());
        node.put("updated_at", summary.lastActivityAt().toString());
        node.putObject("x_questbench").put("quest_status", summary.status().label())
                .put("event_count", summary.eventCount());
        return node;
    }
}
