package dev.questbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.event.EventJson;
import dev.questbench.engine.builtin.OpenAiScript;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Qodo-style webhook shim and a session's files, against the real server and the built-in agent. */
class WebhookAndFilesTest {
    @TempDir
    Path dir;
    ServerFixture fixture;

    @BeforeEach
    void open() throws Exception {
        fixture = new ServerFixture(dir, PermissionMode.ACCEPT_EDITS, Duration.ofSeconds(15));
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void aWebhookCommandStreamsLoadingMessageAndDone() throws Exception {
        fixture.model.enqueue(OpenAiScript.reply().tool("call_w", "Write", OpenAiScript.json("file_path",
                "report.md", "content", "# Report\n")).response());
        fixture.model.enqueue(OpenAiScript.reply().text("Wrote the report.").response());
        String sessionId;
        try (Response started = fixture.call(fixture.request("/webhook/ask?sse=true").post(RequestBody.create(
                "{\"prompt\":\"write a report\",\"workspace\":" + EventJson.mapper().writeValueAsString(
                        fixture.workspace.toString()) + "}", ServerFixture.JSON)).build())) {
            assertEquals(200, started.code());
            sessionId = EventJson.mapper().readTree(started.body().string()).path("sessionId").asText();
            assertEquals(sessionId, started.header("X-Session-ID"));
        }
        try (SseClient stream = fixture.stream("/webhook/ask?sessionId=" + sessionId, null)) {
            List<SseClient.Frame> frames = stream.until("done");
            List<String> names = frames.stream().map(SseClient.Frame::event).toList();
            assertEquals(List.of("loading", "message", "loading", "done"), names);
            assertEquals("{\"isLoading\":true}", frames.get(0).data());
            assertEquals("Wrote the report.", frames.get(1).json().path("content").asText());
            assertEquals("{\"isLoading\":false}", frames.get(2).data());
            assertEquals(null, stream.next(), "the server closes the stream after done");
        }
        assertEquals("write a report", fixture.store.journal().readAfter(sessionId, null, 1).get(0).event() instanceof
                dev.questbench.domain.event.QuestEvent.UserMessage m ? m.content().get(0).text() : null,
                "the template's placeholder was filled");

        JsonNode files = fixture.get("/files?scope_id=" + sessionId);
        JsonNode file = files.path("data").get(0);
        assertEquals("report.md", file.path("filename").asText());
        assertEquals(sessionId, file.path("scope").path("id").asText());
        assertEquals("report.md", fixture.get("/files/" + file.path("id").asText()).path("filename").asText());
        try (Response content = fixture.call(fixture.request("/files/" + file.path("id").asText() + "/content")
                .build())) {
            assertEquals(200, content.code());
            assertEquals("# Report\n", content.body().string());
        }
    }

    @Test
    void withoutSseTheWebhookWaitsAndReturnsStructuredOutput() throws Exception {
        fixture.model.enqueue(OpenAiScript.reply().text("{\"summary\":\"fine\",\"findings\":[]}").response());
        JsonNode review = fixture.post("/webhook/review", "{\"pr\":\"main..feature\"}");
        assertEquals("fine", review.path("summary").asText());
        assertEquals(0, review.path("findings").size());
        String prompt = fixture.model.takeRequest().getBody().utf8();
        assertTrue(prompt.contains("Review main..feature"), prompt);

        fixture.model.enqueue(OpenAiScript.reply().text("plain words").response());
        assertEquals("plain words", fixture.post("/webhook/ask", "{\"prompt\":\"hi\"}").path("result").asText());
    }

    @Test
    void invalidArgumentsAndUnknownCommandsAreRefusedInTheWebhookShape() throws Exception {
        try (Response missing = fixture.call(fixture.request("/webhook/review").post(RequestBody.create("{}",
                ServerFixture.JSON)).build())) {
            assertEquals(400, missing.code());
            assertTrue(EventJson.mapper().readTree(missing.body().string()).path("error").asText()
                    .contains("'pr' is required"));
        }
        try (Response wrongType = fixture.call(fixture.request("/webhook/review").post(RequestBody.create(
                "{\"pr\":5}", ServerFixture.JSON)).build())) {
            assertEquals(400, wrongType.code());
        }
        try (Response unknown = fixture.call(fixture.request("/webhook/deploy").post(RequestBody.create("{}",
                ServerFixture.JSON)).build())) {
            assertEquals(404, unknown.code());
        }
        try (Response noSession = fixture.call(fixture.request("/webhook/ask").build())) {
            assertEquals(400, noSession.code());
        }
    }
}
