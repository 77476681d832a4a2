package dev.questbench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestOptions;
import dev.questbench.domain.QuestSummary;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.store.QuestQuery;
import dev.questbench.store.QuestSort;
import dev.questbench.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code /sessions}: a session is an ordinary quest, created through the executor and shown on the board. */
final class SessionsApi {
    private final Store store;
    private final QuestExecutor executor;
    private final AgentCatalog catalog;
    private final SessionRecords records;
    private final PermissionMode permissionMode;
    private final String backendKind;

    SessionsApi(Store store, QuestExecutor executor, AgentCatalog catalog, SessionRecords records,
                PermissionMode permissionMode, String backendKind) {
        this.backendKind = backendKind;
        this.store = store;
        this.executor = executor;
        this.catalog = catalog;
        this.records = records;
        this.permissionMode = permissionMode;
    }

    void register(Router router, String base) {
        router.add("POST", base + "/sessions", ex -> ex.json(200, create(ex.jsonBody())))
                .add("GET", base + "/sessions", this::list)
                .add("GET", base + "/sessions/{id}", ex -> ex.json(200, view(summary(ex.param(0)))))
                .add("POST", base + "/sessions/{id}", ex -> ex.json(200, update(ex.param(0), ex.jsonBody())))
                .add("POST", base + "/sessions/{id}/cancel", this::cancel)
                .add("POST", base + "/sessions/{id}/archive", ex -> {
                    String id = summary(ex.param(0)).id();
                    executor.archive(id, true);
                    ex.json(200, view(summary(id)));
                })
                .add("DELETE", base + "/sessions/{id}", ex -> {
                    String id = summary(ex.param(0)).id();
                    executor.delete(id);
                    records.remove(id);
                    ex.json(200, ApiExchange.JSON.createObjectNode().put("id", id).put("type", "session_deleted"));
                });
    }

    /** Creates an idle session; its first {@code user.message} starts the first turn. */
    ObjectNode create(ObjectNode body) {
        String agentId = agentId(body.get("agent"));
        ObjectNode agent = catalog.agent(agentId).orElseThrow(() -> ApiException.notFound("Agent not found: "
                + agentId));
        String environment = body.path("environment_id").asText(ServerApi.ENVIRONMENT_ID);
        if (!ServerApi.ENVIRONMENT_ID.equals(environment)) {
            throw ApiException.notFound("Environment not found: " + environment + " (this server has only "
                    + ServerApi.ENVIRONMENT_ID + ").");
        }
        Map<String, String> metadata = SessionRecords.patch(Map.of(), body.get("metadata"));
        String workspaceId = null;
        String folder = metadata.get("workspace");
        if (folder != null) {
            Path path = Path.of(folder).toAbsolutePath().normalize();
            if (!Files.isDirectory(path)) {
                throw ApiException.invalid("metadata.workspace '" + folder + "' is not a folder on this machine.",
                        "metadata");
            }
            workspaceId = store.workspaces().open(path.toString()).id();
        }
        String model = AgentCatalog.BUILTIN_ID.equals(agentId) ? null : agent.path("model").asText(null);
        String title = body.path("title").isTextual() ? body.get("title").asText() : null;
        Instant now = Instant.now();
        Quest draft = Quest.create(title, "", workspaceId, QuestMode.AGENT, QuestEnvironment.LOCAL, now);
        Quest quest = new Quest(draft.id(), draft.title(), "", workspaceId, backendKind, model, draft.mode(),
                draft.environment(), new QuestOptions(false, null, permissionMode, null), false, false, false, now,
                now);
        records.put(quest.id(), new SessionRecords.Record(agentId, metadata));
        QuestSummary summary = store.quests().create(quest);
        return view(summary);
    }

    private void list(ApiExchange ex) {
        Page page = Page.parse(ex);
        boolean archived = "true".equalsIgnoreCase(ex.query("include_archived"));
        String statuses = ex.query("statuses");
        List<QuestSummary> all = store.quests().list(new QuestQuery(null, null, null, archived, QuestSort.CREATED,
                false, 0)).stream()
                .filter(s -> statuses == null || List.of(statuses.split(",")).contains(SessionJson.status(s.status())))
                .sorted(Comparator.comparing((QuestSummary s) -> s.quest().createdAt()).reversed()
                        .thenComparing(QuestSummary::id, Comparator.reverseOrder()))
                .toList();
        ex.json(200, page.apply(all, QuestSummary::id, this::view));
    }

    private ObjectNode update(String sessionId, ObjectNode body) {
        QuestSummary summary = summary(sessionId);
        Quest quest = summary.quest();
        if (body.has("title")) {
            JsonNode title = body.get("title");
            store.quests().update(quest.withTitle(title.isNull() ? null : title.asText(), Instant.now()));
        }
        if (body.has("metadata")) {
            SessionRecords.Record record = records.get(quest.id());
            records.put(quest.id(), new SessionRecords.Record(record.agentId(),
                    SessionRecords.patch(record.metadata(), body.get("metadata"))));
        }
        return view(summary(sessionId));
    }

    private void cancel(ApiExchange ex) {
        QuestSummary summary = summary(ex.param(0));
        if (summary.quest().archived()) {
            throw ApiException.notFound("Session is archived: " + summary.id());
        }
        boolean active = summary.status().isActive();
        executor.stop(summary.id());
        ex.json(active ? 202 : 200, ApiExchange.JSON.createObjectNode().put("id", summary.id()).put("type", "session")
                .put("status", "canceling"));
    }

    QuestSummary summary(String sessionId) {
        return store.quests().summary(sessionId).orElseThrow(() -> ApiException.notFound("Session not found: "
                + sessionId));
    }

    ObjectNode view(QuestSummary summary) {
        return SessionJson.of(store, catalog, records.get(summary.id()), summary);
    }

    private static String agentId(JsonNode agent) {
        if (agent == null || agent.isNull() || agent.isMissingNode()) {
            return AgentCatalog.BUILTIN_ID;
        }
        if (agent.isTextual()) {
            return agent.asText();
        }
        if (agent.isObject() && agent.path("id").isTextual()) {
            return agent.get("id").asText();
        }
        throw ApiException.invalid("Field 'agent' must be an agent id or {\"id\":…,\"type\":\"agent\"}.", "agent");
    }
}
