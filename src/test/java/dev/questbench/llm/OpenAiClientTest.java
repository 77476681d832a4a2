package dev.questbench.llm;

import static dev.questbench.llm.RecordedStreams.FAST;
import static dev.questbench.llm.RecordedStreams.ask;
import static dev.questbench.llm.RecordedStreams.client;
import static dev.questbench.llm.RecordedStreams.json;
import static dev.questbench.llm.RecordedStreams.openAi;
import static dev.questbench.llm.RecordedStreams.sse;
import static dev.questbench.llm.RecordedStreams.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.llm.RecordedStreams.RecordingListener;
import dev.questbench.llm.RecordedStreams.RecordingSleeper;
import dev.questbench.llm.RecordedStreams.ToolDelta;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** OpenAI-compatible Chat Completions against recorded streams from OpenAI, DeepSeek and Ollama on loopback. */
@Timeout(10)
class OpenAiClientTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final RecordingListener listener = new RecordingListener();

    @Test
    void streamsTextDeltasInOrderAndReportsUsage() throws Exception {
        server.enqueue(stream("openai-text.sse"));
        ModelResponse response = client(openAi(server, "sk-test"), FAST, sleeper)
                .stream(ask("Hi"), listener, new Cancellation());

        assertEquals(List.of("Hello", "! How", " can I", " help you", " today?"), listener.texts);
        assertEquals("Hello! How can I help you today?", response.text());
        assertEquals(List.of(new Part.Text("Hello! How can I help you today?")), response.content());
        assertEquals(ModelResponse.END_TURN, response.stopReason());
        assertEquals(new Usage(19, 10, null, 0L), response.usage());
        assertEquals("gpt-4o-mini-2024-07-18", response.model());
        RecordedRequest request = server.takeRequest();
        assertEquals("POST", request.getMethod());
        assertEquals("/v1/chat/completions", request.getUrl().encodedPath());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void reassemblesParallelToolCallsSplitAcrossChunks() throws Exception {
        server.enqueue(stream("openai-tool-calls-split.sse"));
        ModelResponse response = client(openAi(server, "sk-test"), FAST, sleeper)
                .stream(ask("Find the TODOs"), listener, new Cancellation());

        String read = "{\"file_path\":\"src/main/java/App.java\",\"limit\":200}";
        String grep = "{\"pattern\":\"TODO\\\\(.*\\\\)\",\"path\":\"src\",\"glob\":\"*.java\"}";
        assertEquals(List.of(new Part.ToolCall("call_Zq3rYb1vKx8nWm2Pt9Ls4Ha", "Read", read),
                new Part.ToolCall("call_Jf7uTq0dNc5eRs1Wy6Kb3Gm", "Grep", grep)), response.toolCalls());
        assertEquals(ModelResponse.TOOL_USE, response.stopReason());
        assertEquals(new Usage(812, 61, null, 512L), response.usage());
        // The listener saw each call's pieces in order, with id and name only on the first piece.
        assertEquals(read, listener.arguments(0));
        assertEquals(grep, listener.arguments(1));
        List<ToolDelta> firstPieces = listener.toolDeltas.stream().filter(delta -> delta.id() != null).toList();
        assertEquals(List.of(new ToolDelta(0, "call_Zq3rYb1vKx8nWm2Pt9Ls4Ha", "Read", ""),
                new ToolDelta(1, "call_Jf7uTq0dNc5eRs1Wy6Kb3Gm", "Grep", "")), firstPieces);
        assertTrue(listener.toolDeltas.size() > 20, "arguments arrived in many pieces");
        assertTrue(listener.toolDeltas.stream().filter(delta -> delta.name() != null).count() == 2);
    }

    @Test
    void sendsTheConversationInChatCompletionsShape() throws Exception {
        server.enqueue(stream("openai-text.sse"));
        ProviderConfig config = new ProviderConfig("openrouter", ProviderKind.OPENAI, server.url("/api/v1/").toString(),
                "sk-or-secret", "qwen/qwen3-coder", 0, Map.of("X-Title", "Questbench"));
        JsonNode schema = Json.MAPPER.readTree("{\"type\":\"object\",\"properties\":{\"file_path\":{\"type\":\"string\"}}}");
        ModelRequest request = new ModelRequest("qwen/qwen3-coder", "You are careful.", List.of(
                ChatMessage.user("Read App.java"),
                new ChatMessage(ChatMessage.Role.ASSISTANT, List.of(
                        new Part.Thinking("private reasoning", null),
                        new Part.Text("Reading it."),
                        new Part.ToolCall("call_1", "Read", "{\"file_path\":\"App.java\"}"),
                        new Part.ToolCall("call_2", "Glob", " "))),
                new ChatMessage(ChatMessage.Role.USER, List.of(
                        new Part.ToolResult("call_1", "class App {}", false),
                        new Part.ToolResult("call_2", "no such directory", true),
                        new Part.Text("Now summarise.")))),
                List.of(new ToolSpec("Read", "Reads a file", schema), new ToolSpec("Glob", null, null)), 1024, 0.2);

        client(config, FAST, sleeper).stream(request, listener, new Cancellation());

        RecordedRequest recorded = server.takeRequest();
        assertEquals("/api/v1/chat/completions", recorded.getUrl().encodedPath());
        assertEquals("Bearer sk-or-secret", recorded.getHeaders().get("Authorization"));
        assertEquals("Questbench", recorded.getHeaders().get("X-Title"));
        assertEquals("text/event-stream", recorded.getHeaders().get("Accept"));
        JsonNode body = Json.MAPPER.readTree(recorded.getBody().utf8());
        JsonNode expectedMessages = Json.MAPPER.readTree("""
                [{"role":"system","content":"You are careful."},
                 {"role":"user","content":"Read App.java"},
                 {"role":"assistant","content":"Reading it.","tool_calls":[
                   {"id":"call_1","type":"function","function":{"name":"Read","arguments":"{\\"file_path\\":\\"App.java\\"}"}},
                   {"id":"call_2","type":"function","function":{"name":"Glob","arguments":"{}"}}]},
                 {"role":"tool","tool_call_id":"call_1","content":"class App {}"},
                 {"role":"tool","tool_call_id":"call_2","content":"Error: no such directory"},
                 {"role":"user","content":"Now summarise."}]""");
        assertEquals(expectedMessages, body.get("messages"));
        assertEquals(Json.MAPPER.readTree("""
                [{"type":"function","function":{"name":"Read","description":"Reads a file","parameters":
                   {"type":"object","properties":{"file_path":{"type":"string"}}}}},
                 {"type":"function","function":{"name":"Glob","description":"","parameters":
                   {"type":"object","properties":{}}}}]"""), body.get("tools"));
        assertEquals("qwen/qwen3-coder", body.get("model").asText());
        assertTrue(body.get("stream").asBoolean());
        assertTrue(body.at("/stream_options/include_usage").asBoolean());
        assertEquals(1024, body.get("max_tokens").asInt());
        assertEquals(0.2, body.get("temperature").asDouble());
        assertFalse(body.toString().contains("private reasoning"), "thinking is not sent back");
    }

    @Test
    void sendsNoAuthorizationWithoutAKeyAndUsesTheConfiguredModel() throws Exception {
        server.enqueue(stream("openai-text.sse"));
        client(openAi(server, null), FAST, sleeper).stream(ask("Hi"), listener, new Cancellation());

        RecordedRequest recorded = server.takeRequest();
        assertNull(recorded.getHeaders().get("Authorization"));
        JsonNode body = Json.MAPPER.readTree(recorded.getBody().utf8());
        assertEquals("gpt-4o-mini", body.get("model").asText());
        assertFalse(body.has("max_tokens"), "0 leaves the cap to the server");
        assertFalse(body.has("temperature"));
    }

    @Test
    void readsReasoningDeltasAndIgnoresKeepAliveComments() throws Exception {
        server.enqueue(stream("deepseek-reasoning.sse"));
        ModelResponse response = client(openAi(server, "sk-ds"), FAST, sleeper)
                .stream(ask("2+2?"), listener, new Cancellation());

        assertEquals(List.of("The user", " asks for", " 2+2.", " That is 4."), listener.thinking);
        assertEquals(List.of(new Part.Thinking("The user asks for 2+2. That is 4.", null), new Part.Text("2 + 2 = 4")),
                response.content());
        assertEquals("thinking:The user", listener.events.get(0));
        assertEquals("text:2 + 2", listener.events.get(4));
        assertEquals(new Usage(14, 38, null, 0L), response.usage());
        assertEquals("deepseek-reasoner", response.model());
    }

    @Test
    void acceptsAnOllamaToolCallThatEndsWithoutDoneOrUsage() throws Exception {
        server.enqueue(stream("ollama-tool-call.sse"));
        ModelResponse response = client(openAi(server, null).withModel("llama3.1"), FAST, sleeper)
                .stream(ask("List files"), listener, new Cancellation());

        assertEquals(List.of(new Part.ToolCall("call_8m2xk4qa", "Bash", "{\"command\":\"ls -la\"}")),
                response.toolCalls());
        assertEquals(ModelResponse.TOOL_USE, response.stopReason(), "finish_reason stop with tool calls");
        assertEquals(Usage.NONE, response.usage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void anErrorObjectInADataLineBecomesTheProvidersMessage() {
        server.enqueue(stream("openai-error-in-stream.sse"));
        ModelException error = assertThrows(ModelException.class, () -> client(openAi(server, "sk-test"), FAST,
                sleeper).stream(ask("Hi"), listener, new Cancellation()));

        assertEquals(ModelException.Kind.BAD_REQUEST, error.kind());
        assertTrue(error.getMessage().contains("maximum context length is 128000 tokens"), error.getMessage());
        assertEquals(1, server.getRequestCount(), "a rejected request is not retried");
    }

    @Test
    void aDataLineThatIsNotJsonIsMalformed() {
        server.enqueue(sse("data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\n\ndata: {oops\n\n"));
        ModelException error = assertThrows(ModelException.class, () -> client(openAi(server, "sk-test"), FAST,
                sleeper).stream(ask("Hi"), listener, new Cancellation()));

        assertEquals(ModelException.Kind.MALFORMED, error.kind());
        assertTrue(error.getMessage().contains("{oops"), error.getMessage());
        assertEquals(List.of("Hi"), listener.texts);
    }

    @Test
    void aJsonErrorBodyInsteadOfAStreamIsReportedAndRetried() throws Exception {
        server.enqueue(json(200, "{\"error\":\"model requires more system memory (9.1 GiB) than is available\"}"));
        server.enqueue(stream("openai-text.sse"));
        ModelResponse response = client(openAi(server, null), FAST, sleeper)
                .stream(ask("Hi"), listener, new Cancellation());

        assertEquals(1, listener.retries.size());
        assertTrue(listener.retries.get(0).contains("requires more system memory"), listener.retries.get(0));
        assertEquals("Hello! How can I help you today?", response.text());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void listsModelIds() throws Exception {
        server.enqueue(json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\",\"object\":\"model\","
                + "\"owned_by\":\"system\"},{\"id\":\"gpt-4o\",\"object\":\"model\",\"owned_by\":\"system\"}]}"));
        List<String> models = client(openAi(server, "sk-test"), FAST, sleeper).listModels();

        assertEquals(List.of("gpt-4o-mini", "gpt-4o"), models);
        RecordedRequest request = server.takeRequest();
        assertEquals("GET", request.getMethod());
        assertEquals("/v1/models", request.getUrl().encodedPath());
        assertEquals("Bearer sk-test", request.getHeaders().get("Authorization"));
    }

    @Test
    void connectionTestSaysTheModelIsAvailable() {
        server.enqueue(json(200, "{\"data\":[{\"id\":\"gpt-4o\"},{\"id\":\"gpt-4o-mini\"}]}"));
        ModelClient.ConnectionCheck check = client(openAi(server, "sk-test"), FAST, sleeper).testConnection();

        assertTrue(check.ok(), check.message());
        assertEquals("Connected to " + server.url("/v1") + ": 2 models; 'gpt-4o-mini' is available", check.message());
        assertEquals(List.of("gpt-4o", "gpt-4o-mini"), check.models());
    }

    @Test
    void connectionTestMatchesOllamaLatestTagsAndSaysWhatToPull() {
        ProviderConfig ollama = new ProviderConfig("ollama", ProviderKind.OPENAI, server.url("/v1").toString(), null,
                "llama3.1", 0, Map.of());
        String tags = "{\"object\":\"list\",\"data\":[{\"id\":\"llama3.1:latest\",\"object\":\"model\"},"
                + "{\"id\":\"qwen2.5-coder:7b\",\"object\":\"model\"}]}";
        server.enqueue(json(200, tags));
        server.enqueue(json(200, tags));

        assertTrue(client(ollama, FAST, sleeper).testConnection().ok());
        ModelClient.ConnectionCheck missing = client(ollama.withModel("mistral"), FAST, sleeper).testConnection();
        assertFalse(missing.ok());
        assertTrue(missing.message().contains("'mistral' is not among them"), missing.message());
        assertTrue(missing.message().contains("ollama pull mistral"), missing.message());
        assertTrue(missing.message().contains("qwen2.5-coder:7b"), missing.message());
    }

    @Test
    void connectionTestReportsARejectedKeyWithoutThrowing() {
        server.enqueue(json(401, "{\"error\":{\"message\":\"Incorrect API key provided: sk-abc***xyz.\","
                + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"));
        ModelClient.ConnectionCheck check = client(openAi(server, "sk-abc"), FAST, sleeper).testConnection();

        assertFalse(check.ok());
        assertTrue(check.message().startsWith("API key rejected by " + server.url("/v1") + " (401)"), check.message());
        assertTrue(check.models().isEmpty());
    }
}
