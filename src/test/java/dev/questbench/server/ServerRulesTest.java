package dev.questbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.event.EventJson;
import dev.questbench.domain.event.QuestEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the server refuses and how: token, unknown ids, body size, pagination, and the catalog it offers. */
class ServerRulesTest {
    @TempDir
    Path dir;
    ServerFixture fixture;

    @BeforeEach
    void open() throws Exception {
        fixture = new ServerFixture(dir, PermissionMode.DEFAULT, Duration.ofSeconds(15));
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private JsonNode error(Request request, int status) throws Exception {
        try (Response response = fixture.call(request)) {
            assertEquals(status, response.code());
            assertNotNull(response.header("x-request-id"), "every response carries x-request-id");
            JsonNode body = EventJson.mapper().readTree(response.body().string());
            assertEquals("error", body.path("type").asText());
            assertEquals(response.header("x-request-id"), body.path("request_id").asText());
            return body.path("error");
        }
    }

    @Test
    void everyRequestNeedsTheBearerToken() throws Exception {
        Request none = new Request.Builder().url(fixture.url("/sessions")).build();
        assertEquals("authentication_error", error(none, 401).path("type").asText());
        Request wrong = new Request.Builder().url(fixture.url("/sessions")).header("Authorization", "Bearer pt-nope")
                .build();
        assertEquals("authentication_error", error(wrong, 401).path("type").asText());
        Request apiKey = new Request.Builder().url(fixture.url("/sessions")).header("x-api-key",
                ServerFixture.TOKEN).build();
        error(apiKey, 401);
        Request health = new Request.Builder().url(fixture.url("/health")).build();
        error(health, 401);
        assertEquals("ok", fixture.get("/health").path("status").asText());
    }

    @Test
    void aBusyPortMovesTheServerToTheNextFreeOne() throws Exception {
        int taken = fixture.server.port();
        try (ServerApi second = ServerApi.start(fixture.store, fixture.executor, fixture.agent,
                new ServerOptions("127.0.0.1", taken, "pt-second", PermissionMode.DEFAULT, null, null))) {
            assertTrue(second.port() > taken, second.port() + " after " + taken);
            try (Response ok = fixture.call(new Request.Builder().url(second.baseUrl() + "/health")
                    .header("Authorization", "Bearer pt-second").build())) {
                assertEquals(200, ok.code());
            }
        }
    }

    @Test
    void aRotatedTokenReplacesTheOldOne() throws Exception {
        String fresh = fixture.server.token().rotate();
        assertTrue(fresh.startsWith("pt-"));
        error(fixture.request("/sessions").build(), 401);
        try (Response ok = fixture.call(new Request.Builder().url(fixture.url("/sessions"))
                .header("Authorization", "Bearer " + fresh).build())) {
            assertEquals(200, ok.code());
        }
    }

    @Test
    void unknownIdsAre404() throws Exception {
        assertEquals("not_found_error", error(fixture.request("/sessions/qst_nope").build(), 404).path("type")
                .asText());
        error(fixture.request("/sessions/qst_nope/events").post(RequestBody.create(
                "{\"events\":[{\"type\":\"user.message\",\"content\":\"x\"}]}", ServerFixture.JSON)).build(), 404);
        error(fixture.request("/sessions/qst_nope/events/stream").build(), 404);
        error(fixture.request("/agents/agent_nope").build(), 404);
        error(fixture.request("/files/file_nope").build(), 404);
        error(fixture.request("/nothing/here").build(), 404);
        error(fixture.request("/sessions").post(RequestBody.create("{\"agent\":\"agent_nope\"}",
                ServerFixture.JSON)).build(), 404);
        error(fixture.request("/sessions").post(RequestBody.create("{\"environment_id\":\"env_other\"}",
                ServerFixture.JSON)).build(), 404);
        assertEquals(0, fixture.get("/sessions/qst_nope/events").path("data").size(),
                "as documented, listing an unknown session's events is empty, not 404");
    }

    @Test
    void aBodyOverFourMegabytesIs413AndBadJsonIs400() throws Exception {
        String big = "{\"title\":\"" + "x".repeat(ApiExchange.MAX_BODY_BYTES) + "\"}";
        JsonNode tooLarge = error(fixture.request("/sessions").post(RequestBody.create(big, ServerFixture.JSON))
                .build(), 413);
        assertTrue(tooLarge.path("message").asText().contains("4 MB"));
        assertEquals("Request body must be valid JSON.", error(fixture.request("/sessions").post(RequestBody.create(
                "{not json", ServerFixture.JSON)).build(), 400).path("message").asText());
        String session = fixture.createSession();
        assertEquals("content", error(fixture.request("/sessions/" + session + "/events").post(RequestBody.create(
                "{\"events\":[{\"type\":\"user.message\",\"content\":[]}]}", ServerFixture.JSON)).build(), 400)
                .path("param").asText());
        error(fixture.request("/sessions/" + session + "/events").post(RequestBody.create("{\"events\":[]}",
                ServerFixture.JSON)).build(), 400);
        error(fixture.request("/sessions").post(RequestBody.create("{\"metadata\":{\"workspace\":\""
                + dir.resolve("missing") + "\"}}", ServerFixture.JSON)).build(), 400);
    }

    @Test
    void sessionsPageNewestFirstWithCursors() throws Exception {
        String first = fixture.createSession();
        String second = fixture.createSession();
        String third = fixture.createSession();
        JsonNode page = fixture.get("/sessions?limit=2");
        assertEquals(third, page.path("data").get(0).path("id").asText());
        assertEquals(second, page.path("data").get(1).path("id").asText());
        assertTrue(page.path("has_more").asBoolean());
        JsonNode next = fixture.get("/sessions?limit=2&page=" + page.path("next_page").asText());
        assertEquals(first, next.path("data").get(0).path("id").asText());
        assertFalse(next.path("has_more").asBoolean());
        assertTrue(next.path("next_page").isNull());
        assertEquals("Field 'limit' must be a positive integer.",
                error(fixture.request("/sessions?limit=0").build(), 400).path("message").asText());
        error(fixture.request("/sessions?limit=101").build(), 400);
        error(fixture.request("/sessions?page=a&after_id=b").build(), 400);

        JsonNode renamed = fixture.post("/sessions/" + first, "{\"title\":\"Renamed\",\"metadata\":{\"ci\":\"42\"}}");
        assertEquals("Renamed", renamed.path("title").asText());
        assertEquals("42", renamed.path("metadata").path("ci").asText());
        JsonNode cleared = fixture.post("/sessions/" + first, "{\"metadata\":{\"ci\":null}}");
        assertFalse(cleared.path("metadata").has("ci"), "metadata is a merge-patch");
        JsonNode cancel = fixture.post("/sessions/" + first + "/cancel", "{}");
        assertEquals("canceling", cancel.path("status").asText());
        JsonNode archived = fixture.post("/sessions/" + first + "/archive", "{}");
        assertFalse(archived.path("archived_at").isNull());
        error(fixture.request("/sessions/" + first + "/events").post(RequestBody.create(
                "{\"events\":[{\"type\":\"user.message\",\"content\":\"x\"}]}", ServerFixture.JSON)).build(), 409);
        assertEquals(2, fixture.get("/sessions").path("data").size(), "archived sessions are hidden by default");
        assertEquals(3, fixture.get("/sessions?include_archived=true").path("data").size());
    }

    @Test
    void theCatalogOffersModelsAgentsAndOneLocalEnvironment() throws Exception {
        JsonNode models = fixture.get("/models");
        assertEquals("test-model", models.path("data").get(0).path("id").asText());
        assertFalse(models.path("has_more").asBoolean());
        JsonNode agents = fixture.get("/agents");
        assertEquals(AgentCatalog.BUILTIN_ID, agents.path("data").get(0).path("id").asText());
        assertEquals("Questbench built-in agent", fixture.get("/agents/" + AgentCatalog.BUILTIN_ID).path("name")
                .asText());
        JsonNode environments = fixture.get("/environments");
        assertEquals("env_local", environments.path("data").get(0).path("id").asText());
        assertEquals("self_hosted", environments.path("data").get(0).path("config").path("type").asText());

        JsonNode created = fixture.post("/agents", "{\"name\":\"Reviewer\",\"model\":\"ultimate\",\"system\":"
                + "\"Be strict.\",\"tools\":[{\"type\":\"agent_toolset_20260401\"}]}");
        String agentId = created.path("id").asText();
        assertTrue(agentId.startsWith("agent_"));
        assertEquals("test-model", created.path("model").asText(), "an unknown tier maps to the default model");
        assertEquals("ultimate", created.path("metadata").path("requested_model").asText());
        assertTrue(created.path("metadata").path("model_note").asText().contains("default model"));
        assertEquals("Reviewer", fixture.get("/agents/" + agentId).path("name").asText());
        Set<String> ids = new HashSet<>();
        fixture.get("/agents").path("data").forEach(agent -> ids.add(agent.path("id").asText()));
        assertTrue(ids.contains(agentId));
        JsonNode session = fixture.post("/sessions", "{\"agent\":{\"id\":\"" + agentId + "\",\"type\":\"agent\"}}");
        assertEquals(agentId, session.path("agent").path("id").asText());
        assertEquals("test-model", session.path("agent").path("model").path("id").asText());
        assertEquals("Missing required field: name", error(fixture.request("/agents").post(RequestBody.create(
                "{\"model\":\"x\"}", ServerFixture.JSON)).build(), 400).path("message").asText());
    }

    @Test
    void eventsPageInEitherOrderAndFilterByType() throws Exception {
        String session = fixture.createSession();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(fixture.store.journal().append(session, QuestEvent.AgentMessage.text("m" + i)).id());
            ids.add(fixture.store.journal().append(session, new QuestEvent.AgentThinking(null)).id());
        }
        JsonNode first = fixture.get("/sessions/" + session + "/events?limit=3");
        assertEquals(ids.subList(0, 3), idsOf(first));
        assertTrue(first.path("has_more").asBoolean());
        assertEquals(ids.subList(3, 6), idsOf(fixture.get("/sessions/" + session + "/events?limit=3&page="
                + first.path("next_page").asText())));
        assertEquals(List.of(ids.get(9), ids.get(8)), idsOf(fixture.get("/sessions/" + session
                + "/events?limit=2&order=desc")));
        assertEquals(List.of(ids.get(7), ids.get(6)), idsOf(fixture.get("/sessions/" + session
                + "/events?limit=2&order=desc&after_id=" + ids.get(8))));
        assertEquals(List.of(ids.get(2), ids.get(3)), idsOf(fixture.get("/sessions/" + session
                + "/events?limit=2&before_id=" + ids.get(4))));
        JsonNode messages = fixture.get("/sessions/" + session + "/events?types=agent.message&limit=10");
        assertEquals(List.of(ids.get(0), ids.get(2), ids.get(4), ids.get(6), ids.get(8)), idsOf(messages));
        assertFalse(messages.path("has_more").asBoolean());
        assertEquals(List.of(ids.get(6), ids.get(8)), idsOf(fixture.get("/sessions/" + session
                + "/events?types=agent.message&after_id=" + ids.get(4))));
        error(fixture.request("/sessions/" + session + "/events?after_id=evt_nope").build(), 400);
        error(fixture.request("/sessions/" + session + "/events?order=sideways").build(), 400);
    }

    private static List<String> idsOf(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("data").forEach(event -> ids.add(event.path("id").asText()));
        return ids;
    }
}
