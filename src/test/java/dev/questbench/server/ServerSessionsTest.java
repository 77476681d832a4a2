package dev.questbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.EventJson;
import dev.questbench.engine.builtin.OpenAiScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless server end to end: a plain HTTP client, the real server, the built-in agent, a model on loopback. */
class ServerSessionsTest {
    @TempDir
    Path dir;
    ServerFixture fixture;

    @BeforeEach
    void open() throws Exception {
        fixture = new ServerFixture(dir, PermissionMode.DEFAULT, Duration.ofMillis(150));
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void aSessionIsAQuestThatAnswersAStringMessageAndStreamsToIdle() throws Exception {
        fixture.model.enqueue(OpenAiScript.reply().text("Hello from the agent.").response());
        String session = fixture.createSession();
        JsonNode created = fixture.get("/sessions/" + session);
        assertEquals("session", created.path("type").asText());
        assertEquals("idle", created.path("status").asText());
        assertEquals(fixture.workspace.toString(), created.path("metadata").path("workspace").asText());
        assertTrue(fixture.store.quests().get(session).isPresent(), "the session is a quest in the same store");

        JsonNode sent = fixture.post("/sessions/" + session + "/events",
                "{\"events\":[{\"type\":\"user.message\",\"content\":\"say hello\"}]}");
        JsonNode message = sent.path("data").get(0);
        assertEquals("user.message", message.path("type").asText());
        assertTrue(message.path("id").asText().startsWith("evt_"));
        assertEquals("say hello", message.path("content").get(0).path("text").asText());

        try (SseClient stream = fixture.stream("/sessions/" + session + "/events/stream", null)) {
            List<SseClient.Frame> frames = stream.until("session.status_idle");
            List<String> types = frames.stream().map(SseClient.Frame::event).toList();
            assertEquals("user.message", types.get(0), "history is replayed first");
            assertTrue(types.contains("session.status_running"), types.toString());
            SseClient.Frame reply = frames.stream().filter(f -> f.event().equals("agent.message")).findFirst()
                    .orElseThrow();
            assertEquals("Hello from the agent.", reply.json().path("content").get(0).path("text").asText());
            SseClient.Frame idle = frames.get(frames.size() - 1);
            assertEquals("end_turn", idle.json().path("stop_reason").path("type").asText());
            for (SseClient.Frame frame : frames) {
                assertEquals(frame.event(), frame.json().path("type").asText(), "event: equals the JSON type");
                assertEquals(frame.id(), frame.json().path("id").asText());
            }
        }
        assertEquals("idle", fixture.get("/sessions/" + session).path("status").asText());
        assertEquals("say hello", fixture.store.quests().get(session).orElseThrow().title(),
                "the board shows the quest under its title");
    }

    @Test
    void aMessageDuringATurnIs409AndBlockContentIsAccepted() throws Exception {
        GatedModel model = new GatedModel(OpenAiScript.reply().text("held answer").response());
        fixture.model.setDispatcher(model);
        String session = fixture.createSession();
        JsonNode first = fixture.sendText(session, "first");
        assertEquals("first", first.path("data").get(0).path("content").get(0).path("text").asText());
        assertEquals("running", fixture.get("/sessions/" + session).path("status").asText());

        try (Response busy = fixture.call(fixture.request("/sessions/" + session + "/events").post(RequestBody.create(
                "{\"events\":[{\"type\":\"user.message\",\"content\":[{\"type\":\"text\",\"text\":\"second\"}]}]}",
                ServerFixture.JSON)).header("x-request-id", "req-409").build())) {
            assertEquals(409, busy.code());
            assertEquals("req-409", busy.header("x-request-id"));
            JsonNode error = EventJson.mapper().readTree(busy.body().string());
            assertEquals("error", error.path("type").asText());
            assertEquals("req-409", error.path("request_id").asText());
            assertEquals("invalid_request_error", error.path("error").path("type").asText());
            assertEquals(EventsApi.BUSY, error.path("error").path("message").asText());
        }
        model.open();
        try (SseClient stream = fixture.stream("/sessions/" + session + "/events/stream", null)) {
            stream.until("session.status_idle");
        }
        assertEquals(1, fixture.model.getRequestCount(), "the refused message started no turn");
    }

    @Test
    void aDroppedStreamResumesWithLastEventIdOrAfterIdWithoutDuplicates() throws Exception {
        fixture.model.enqueue(OpenAiScript.reply().text("one").tool("call_1", "Read",
                OpenAiScript.json("file_path", "a.txt")).response());
        fixture.model.enqueue(OpenAiScript.reply().text("two").response());
        Files.writeString(fixture.workspace.resolve("a.txt"), "content");
        String session = fixture.createSession();
        fixture.sendText(session, "read a.txt");
        List<String> seen = new ArrayList<>();
        try (SseClient stream = fixture.stream("/sessions/" + session + "/events/stream", null)) {
            for (int i = 0; i < 3; i++) {
                seen.add(stream.next().id());
            }
        } // dropped mid-turn
        try (SseClient stream = fixture.stream("/sessions/" + session + "/events/stream", seen.get(2))) {
            stream.until("session.status_idle").forEach(frame -> seen.add(frame.id()));
        }
        List<String> all = new ArrayList<>();
        fixture.get("/sessions/" + session + "/events?limit=100").path("data")
                .forEach(event -> all.add(event.path("id").asText()));
        assertEquals(all, seen, "every event once, in order");

        List<String> tail = new ArrayList<>();
        try (SseClient stream = fixture.stream("/sessions/" + session + "/events/stream?after_id=" + all.get(4),
                null)) {
            stream.until("session.status_idle").forEach(frame -> tail.add(frame.id()));
        }
        assertEquals(all.subList(5, all.size()), tail);
        try (Response unknown = fixture.call(fixture.request("/sessions/" + session + "/events/stream")
                .header("Last-Event-ID", "evt_unknown").build())) {
            assertEquals(400, unknown.code());
        }
    }

    @Test
    void aPendingToolUseIsApprovedThroughTheApi() throws Exception {
        fixture.model.enqueue(OpenAiScript.reply().tool("call_w", "Write", OpenAiScript.json("file_path",
                "notes.txt", "content", "written by the agent")).response());
        fixture.model.enqueue(OpenAiScript.reply().text("Wrote it.").response());
        String session = fixture.createSession();
        fixture.sendText(session, "write notes");
        String toolUse;
        try (SseClient stream = fixture.stream("/sessions/" + session + "/events/stream", null)) {
            List<SseClient.Frame> frames = stream.until("session.status_idle");
            JsonNode idle = frames.get(frames.size() - 1).json();
            assertEquals("requires_action", idle.path("stop_reason").path("type").asText());
            toolUse = idle.path("stop_reason").path("event_ids").get(0).asText();
            JsonNode use = frames.stream().filter(f -> toolUse.equals(f.id())).findFirst().orElseThrow().json();
            assertEquals("agent.tool_use", use.path("type").asText());
            assertEquals("ask", use.path("evaluated_permission").asText());
            assertFalse(Files.exists(fixture.workspace.resolve("notes.txt")));
            assertEquals(QuestStatus.ACTION_REQUIRED, fixture.store.quests().summary(session).orElseThrow().status(),
                    "the board shows it waiting, where the app can approve it too");

            try (Response early = fixture.call(fixture.request("/sessions/" + session + "/events").post(
                    RequestBody.create("{\"events\":[{\"type\":\"user.message\",\"content\":\"hi\"}]}",
                            ServerFixture.JSON)).build())) {
                assertEquals(409, early.code(), "a message cannot skip the pending approval");
            }
            JsonNode answer = fixture.post("/sessions/" + session + "/events", "{\"events\":[{\"type\":"
                    + "\"user.tool_confirmation\",\"tool_use_id\":\"" + toolUse + "\",\"result\":\"allow\"}]}");
            assertEquals("user.tool_confirmation", answer.path("data").get(0).path("type").asText());
            List<SseClient.Frame> rest = stream.until("session.status_idle");
            JsonNode result = rest.stream().filter(f -> f.event().equals("agent.tool_result")).findFirst()
                    .orElseThrow().json();
            assertEquals(toolUse, result.path("tool_use_id").asText());
            assertEquals("end_turn", rest.get(rest.size() - 1).json().path("stop_reason").path("type").asText());
        }
        assertEquals("written by the agent", Files.readString(fixture.workspace.resolve("notes.txt")));
        try (Response again = fixture.call(fixture.request("/sessions/" + session + "/events").post(
                RequestBody.create("{\"events\":[{\"type\":\"user.tool_confirmation\",\"tool_use_id\":\"" + toolUse
                        + "\",\"result\":\"allow\"}]}", ServerFixture.JSON)).build())) {
            assertEquals(404, again.code(), "nothing waits for that answer any more");
        }
    }

    @Test
    void anIdleStreamSendsHeartbeatsAndADeletedSessionEndsIt() throws Exception {
        String session = fixture.createSession();
        try (SseClient stream = fixture.stream("/sessions/" + session + "/events/stream", null)) {
            Thread deleter = new Thread(() -> {
                try {
                    Thread.sleep(400);
                    fixture.json(fixture.request("/sessions/" + session).delete().build(), 200);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            deleter.start();
            SseClient.Frame last = stream.next();
            assertNotNull(last);
            assertEquals("session.deleted", last.event());
            assertTrue(stream.comments.contains("heartbeat"), "heartbeats while idle: " + stream.comments);
            assertEquals(null, stream.next(), "the server closes a deleted session's stream");
            deleter.join();
        }
        assertTrue(fixture.store.quests().get(session).isEmpty());
    }

    @Test
    void cancelDuringATurnIs202AndAnInterruptStopsTheNext() throws Exception {
        GatedModel model = new GatedModel(OpenAiScript.reply().text("too late").response());
        fixture.model.setDispatcher(model);
        String session = fixture.createSession();
        fixture.sendText(session, "take your time");
        try (Response cancel = fixture.call(fixture.request("/sessions/" + session + "/cancel").post(
                RequestBody.create("", ServerFixture.JSON)).build())) {
            assertEquals(202, cancel.code());
            assertEquals("canceling", EventJson.mapper().readTree(cancel.body().string()).path("status").asText());
        }
        try (SseClient stream = fixture.stream("/sessions/" + session + "/events", null)) { // Accept switches to SSE
            List<SseClient.Frame> frames = stream.until("session.status_idle");
            assertEquals("stopped", frames.get(frames.size() - 1).json().path("stop_reason").path("type").asText());
            fixture.sendText(session, "again");
            JsonNode interrupt = fixture.post("/sessions/" + session + "/events",
                    "{\"events\":[{\"type\":\"user.interrupt\"}]}");
            assertEquals("user.interrupt", interrupt.path("data").get(0).path("type").asText());
            List<SseClient.Frame> next = stream.until("session.status_idle");
            assertEquals("stopped", next.get(next.size() - 1).json().path("stop_reason").path("type").asText());
        }
        assertEquals("idle", fixture.get("/sessions/" + session).path("status").asText());
        try (Response idle = fixture.call(fixture.request("/sessions/" + session + "/cancel").post(
                RequestBody.create("", ServerFixture.JSON)).build())) {
            assertEquals(200, idle.code(), "cancelling an idle session is a no-op");
        }
        model.open(); // lets the model server's held connections end before it closes
    }
}
