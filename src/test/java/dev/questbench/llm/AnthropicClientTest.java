package dev.questbench.llm;

import static dev.questbench.llm.RecordedStreams.FAST;
import static dev.questbench.llm.RecordedStreams.anthropic;
import static dev.questbench.llm.RecordedStreams.ask;
import static dev.questbench.llm.RecordedStreams.client;
import static dev.questbench.llm.RecordedStreams.json;
import static dev.questbench.llm.RecordedStreams.sse;
import static dev.questbench.llm.RecordedStreams.stream;
import static dev.questbench.llm.RecordedStreams.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.llm.RecordedStreams.RecordingListener;
import dev.questbench.llm.RecordedStreams.RecordingSleeper;
import dev.questbench.llm.RecordedStreams.ToolDelta;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Anthropic Messages against recorded streams on loopback: text, thinking, tool use, errors, request shape. */
@Timeout(10)
class AnthropicClientTest {
    private static final String SIGNATURE = "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds7ZUcZgYiAoXZHV1cQ==";

    @StartStop
    private final MockWebServer server = new MockWebServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final RecordingListener listener = new RecordingListener();

    @Test
    void streamsTextWithCacheUsage() throws Exception {
        server.enqueue(stream("anthropic-text.sse"));
        ModelResponse response = client(anthropic(server), FAST, sleeper).stream(ask("Hi"), listener,
                new Cancellation());

        assertEquals(List.of("Hello", "! I'm", " Claude", "."), listener.texts);
        assertEquals(List.of(new Part.Text("Hello! I'm Claude.")), response.content());
        assertEquals(ModelResponse.END_TURN, response.stopReason());
        assertEquals(new Usage(25, 15, 1024L, 2048L), response.usage());
        assertEquals("claude-sonnet-4-5-20250929", response.model());
    }

    @Test
    void assemblesThinkingTextAndToolUseFromBlockDeltas() throws Exception {
        server.enqueue(stream("anthropic-tool-use.sse"));
        ModelResponse response = client(anthropic(server), FAST, sleeper).stream(ask("Look around"), listener,
                new Cancellation());

        String readInput = "{\"file_path\":\"src/main/java/App.java\",\"offset\":10}";
        assertEquals(List.of(
                new Part.Thinking("I should read the file first and search for TODOs.", SIGNATURE),
                new Part.Text("Let me look at the file."),
                new Part.ToolCall("toolu_01T1x1fJ34qAmk2tNTrN7Up6", "Read", readInput),
                new Part.ToolCall("toolu_01Ghp9XnN5vB6dWc2YtL8Rq3", "Glob", "{\"pattern\":\"**/*.md\"}")),
                response.content());
        assertEquals(ModelResponse.TOOL_USE, response.stopReason());
        assertEquals(new Usage(472, 142, 0L, 0L), response.usage());
        assertEquals(List.of("I should read", " the file first", " and search for TODOs."), listener.thinking);
        // Tool calls are numbered by their position among tool calls, not by content block index.
        assertEquals(readInput, listener.arguments(0));
        assertEquals("{\"pattern\":\"**/*.md\"}", listener.arguments(1));
        assertEquals(new ToolDelta(0, "toolu_01T1x1fJ34qAmk2tNTrN7Up6", "Read", ""), listener.toolDeltas.get(0));
        assertEquals(List.of("thinking:I should read", "thinking: the file first", "thinking: and search for TODOs.",
                "text:Let me look at the file.", "tool:0"), listener.events.subList(0, 5));
    }

    @Test
    void sendsSystemToolResultsToolUseAndSignedThinkingInMessagesShape() throws Exception {
        server.enqueue(stream("anthropic-text.sse"));
        JsonNode schema = Json.MAPPER.readTree("{\"type\":\"object\",\"properties\":{\"pattern\":{\"type\":\"string\"}}}");
        ModelRequest request = new ModelRequest(null, "You are careful.", List.of(
                ChatMessage.user("Find the docs"),
                ChatMessage.user("and be quick"),
                new ChatMessage(ChatMessage.Role.ASSISTANT, List.of(
                        new Part.Thinking("signed thought", SIGNATURE),
                        new Part.Thinking("unsigned thought from another provider", null),
                        new Part.Text(""),
                        new Part.ToolCall("toolu_1", "Glob", "{\"pattern\":\"**/*.md\"}"),
                        new Part.ToolCall("toolu_2", "Read", "{\"file_path\": truncated"))),
                new ChatMessage(ChatMessage.Role.USER, List.of(
                        new Part.Text("Here you go"),
                        new Part.ToolResult("toolu_1", "README.md", false),
                        new Part.ToolResult("toolu_2", "arguments were not JSON", true)))),
                List.of(new ToolSpec("Glob", "Finds files", schema)), 0, null);

        client(anthropic(server), FAST, sleeper).stream(request, listener, new Cancellation());

        RecordedRequest recorded = server.takeRequest();
        assertEquals("/v1/messages", recorded.getUrl().encodedPath());
        assertEquals("sk-ant-test", recorded.getHeaders().get("x-api-key"));
        assertEquals("2023-06-01", recorded.getHeaders().get("anthropic-version"));
        assertNull(recorded.getHeaders().get("Authorization"));
        JsonNode body = Json.MAPPER.readTree(recorded.getBody().utf8());
        assertEquals("You are careful.", body.get("system").asText());
        assertEquals(8192, body.get("max_tokens").asInt(), "Anthropic needs a cap; 0 means the default");
        assertEquals("claude-sonnet-4-5", body.get("model").asText());
        assertTrue(body.get("stream").asBoolean());
        assertEquals(Json.MAPPER.readTree("""
                [{"role":"user","content":[{"type":"text","text":"Find the docs"},
                                           {"type":"text","text":"and be quick"}]},
                 {"role":"assistant","content":[
                   {"type":"thinking","thinking":"signed thought","signature":"%s"},
                   {"type":"tool_use","id":"toolu_1","name":"Glob","input":{"pattern":"**/*.md"}},
                   {"type":"tool_use","id":"toolu_2","name":"Read","input":{}}]},
                 {"role":"user","content":[
                   {"type":"tool_result","tool_use_id":"toolu_1","content":"README.md","is_error":false},
                   {"type":"tool_result","tool_use_id":"toolu_2","content":"arguments were not JSON","is_error":true},
                   {"type":"text","text":"Here you go"}]}]""".formatted(SIGNATURE)), body.get("messages"));
        assertEquals(Json.MAPPER.readTree("""
                [{"name":"Glob","description":"Finds files",
                  "input_schema":{"type":"object","properties":{"pattern":{"type":"string"}}}}]"""),
                body.get("tools"));
    }

    @Test
    void anOverloadedErrorEventBeforeContentIsRetried() throws Exception {
        server.enqueue(stream("anthropic-overloaded.sse"));
        server.enqueue(stream("anthropic-text.sse"));
        ModelResponse response = client(anthropic(server), FAST, sleeper).stream(ask("Hi"), listener,
                new Cancellation());

        assertEquals("Hello! I'm Claude.", response.text());
        assertEquals(2, server.getRequestCount());
        assertEquals(1, listener.retries.size());
        assertTrue(listener.retries.get(0).contains("Overloaded"), listener.retries.get(0));
        assertEquals(List.of(75L), sleeper.delays, "100 ms initial delay with half jitter");
    }

    @Test
    void anErrorEventAfterTextIsThrownWithTheProvidersMessage() {
        String textThenError = text("anthropic-text.sse").split("event: content_block_stop")[0]
                + "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal server error\"}}\n\n";
        server.enqueue(sse(textThenError));
        ModelException error = assertThrows(ModelException.class, () -> client(anthropic(server), FAST, sleeper)
                .stream(ask("Hi"), listener, new Cancellation()));

        assertEquals(ModelException.Kind.SERVER, error.kind());
        assertTrue(error.getMessage().endsWith("reported an error: Internal server error"), error.getMessage());
        assertEquals(1, server.getRequestCount(), "text already reached the listener");
    }

    @Test
    void aStreamWithoutMessageStopIsCut() {
        String cut = text("anthropic-text.sse").split("event: message_stop")[0];
        server.enqueue(sse(cut));
        ModelException error = assertThrows(ModelException.class, () -> client(anthropic(server), FAST, sleeper)
                .stream(ask("Hi"), listener, new Cancellation()));

        assertEquals(ModelException.Kind.STREAM_CUT, error.kind());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void listsModelIds() throws Exception {
        server.enqueue(json(200, """
                {"data":[{"type":"model","id":"claude-sonnet-4-5-20250929","display_name":"Claude Sonnet 4.5",
                          "created_at":"2025-09-29T00:00:00Z"},
                         {"type":"model","id":"claude-opus-4-1-20250805","display_name":"Claude Opus 4.1",
                          "created_at":"2025-08-05T00:00:00Z"}],
                 "has_more":false,"first_id":"claude-sonnet-4-5-20250929","last_id":"claude-opus-4-1-20250805"}"""));
        List<String> models = client(anthropic(server), FAST, sleeper).listModels();

        assertEquals(List.of("claude-sonnet-4-5-20250929", "claude-opus-4-1-20250805"), models);
        RecordedRequest request = server.takeRequest();
        assertEquals("/v1/models", request.getUrl().encodedPath());
        assertEquals("sk-ant-test", request.getHeaders().get("x-api-key"));
        assertEquals("2023-06-01", request.getHeaders().get("anthropic-version"));
    }

    @Test
    void connectionTestNamesTheMissingModelAndTheAlternatives() {
        server.enqueue(json(200, "{\"data\":[{\"id\":\"claude-opus-4-1-20250805\"}],\"has_more\":false}"));
        ModelClient.ConnectionCheck check = client(anthropic(server), FAST, sleeper).testConnection();

        assertEquals(false, check.ok());
        assertEquals("Connected to " + server.url("/v1") + ": 1 model, but 'claude-sonnet-4-5' is not among them."
                + " Check the model name or pick one of: claude-opus-4-1-20250805.", check.message());
    }

    @Test
    void aRejectedKeyNamesTheAnthropicVariable() {
        server.enqueue(json(401, "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
                + "\"message\":\"invalid x-api-key\"},\"request_id\":\"req_011CSHoEeqs5C35K2UUqR7Fy\"}"));
        ModelException error = assertThrows(ModelException.class, () -> client(anthropic(server), FAST, sleeper)
                .stream(ask("Hi"), listener, new Cancellation()));

        assertEquals(ModelException.Kind.AUTH, error.kind());
        assertEquals("API key rejected by " + server.url("/v1") + " (401): invalid x-api-key. Check the key in"
                + " Settings → Models or the ANTHROPIC_API_KEY environment variable.", error.getMessage());
    }
}
