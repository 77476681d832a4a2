package dev.questbench.llm;

import static dev.questbench.llm.RecordedStreams.CLOCK;
import static dev.questbench.llm.RecordedStreams.FAST;
import static dev.questbench.llm.RecordedStreams.ask;
import static dev.questbench.llm.RecordedStreams.client;
import static dev.questbench.llm.RecordedStreams.json;
import static dev.questbench.llm.RecordedStreams.openAi;
import static dev.questbench.llm.RecordedStreams.sse;
import static dev.questbench.llm.RecordedStreams.stream;
import static dev.questbench.llm.RecordedStreams.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.llm.ModelException.Kind;
import dev.questbench.llm.RecordedStreams.RecordingListener;
import dev.questbench.llm.RecordedStreams.RecordingSleeper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Failures a model call meets on a real loopback server: what is retried, how long it waits, what the user reads. */
@Timeout(10)
class RetryAndFailureTest {
    /** The recorded OpenAI text stream as separate events: role chunk, five text chunks, finish, usage, [DONE]. */
    private static final String[] EVENTS = text("openai-text.sse").split("(?<=\n\n)");

    @StartStop
    private final MockWebServer server = new MockWebServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final RecordingListener listener = new RecordingListener();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void rateLimitIsRetriedAfterTheServersRetryAfter() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7")
                .body("{\"error\":{\"message\":\"Rate limit reached for gpt-4o-mini\",\"type\":\"requests\"}}").build());
        server.enqueue(stream("openai-text.sse"));
        ModelResponse response = openAiClient(FAST).stream(ask("Hi"), listener, new Cancellation());

        assertEquals("Hello! How can I help you today?", response.text());
        assertEquals(2, server.getRequestCount());
        assertEquals(List.of(7000L), sleeper.delays);
        assertEquals(List.of("1:7000:Rate limited by " + server.url("/v1") + " (429): Rate limit reached for"
                + " gpt-4o-mini."), listener.retries);
    }

    @Test
    void serverErrorIsRetriedWithBackoff() throws Exception {
        server.enqueue(json(500, "{\"error\":{\"message\":\"The server had an error while processing your request.\"}}"));
        server.enqueue(stream("openai-text.sse"));
        ModelResponse response = openAiClient(FAST).stream(ask("Hi"), listener, new Cancellation());

        assertEquals("Hello! How can I help you today?", response.text());
        assertEquals(List.of(75L), sleeper.delays, "100 ms initial delay, jitter keeps half plus a random half");
        assertEquals(List.of("Hello", "! How", " can I", " help you", " today?"), listener.texts);
    }

    @Test
    void retriesStopAtTheAttemptLimit() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(503, "{\"error\":{\"message\":\"upstream overloaded\"}}"));
        }
        ModelException error = assertThrows(ModelException.class,
                () -> openAiClient(FAST).stream(ask("Hi"), listener, new Cancellation()));

        assertEquals(Kind.SERVER, error.kind());
        assertEquals(503, error.status());
        assertTrue(error.getMessage().endsWith("(gave up after 3 attempts)"), error.getMessage());
        assertEquals(List.of(75L, 150L), sleeper.delays);
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void aRejectedKeyIsNotRetriedAndSaysWhereToFixIt() {
        server.enqueue(json(401, "{\"error\":{\"message\":\"Incorrect API key provided: sk-abc***xyz.\","
                + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}"));
        ModelException error = assertThrows(ModelException.class,
                () -> openAiClient(FAST).stream(ask("Hi"), listener, new Cancellation()));

        assertEquals(Kind.AUTH, error.kind());
        assertEquals(401, error.status());
        assertEquals("API key rejected by " + server.url("/v1") + " (401): Incorrect API key provided: sk-abc***xyz."
                + " Check the key in Settings → Models or the OPENAI_API_KEY environment variable.", error.getMessage());
        assertEquals(1, server.getRequestCount());
        assertTrue(sleeper.delays.isEmpty());
        assertTrue(listener.retries.isEmpty());
    }

    @Test
    void anUnknownModelIsNamedAndNotRetried() {
        server.enqueue(json(404, "{\"error\":{\"message\":\"The model `gpt-5-nano` does not exist or you do not have"
                + " access to it.\",\"type\":\"invalid_request_error\",\"code\":\"model_not_found\"}}"));
        ModelRequest request = new ModelRequest("gpt-5-nano", null, List.of(ChatMessage.user("Hi")), null, 0, null);
        ModelException error = assertThrows(ModelException.class,
                () -> openAiClient(FAST).stream(request, listener, new Cancellation()));

        assertEquals(Kind.NOT_FOUND, error.kind());
        assertTrue(error.getMessage().startsWith("model 'gpt-5-nano' not found at " + server.url("/v1") + " (404)"),
                error.getMessage());
        assertTrue(error.getMessage().contains("does not exist"), error.getMessage());
        assertTrue(error.getMessage().contains("Check the model name and the base URL"), error.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void anUnknownOllamaModelSaysHowToPullIt() {
        server.enqueue(json(404, "{\"error\":{\"message\":\"model \\\"qwen3:8b\\\" not found, try pulling it first\","
                + "\"type\":\"api_error\",\"param\":null,\"code\":null}}"));
        ProviderConfig ollama = new ProviderConfig("ollama", ProviderKind.OPENAI, server.url("/v1").toString(), null,
                "qwen3:8b", 0, Map.of());
        ModelException error = assertThrows(ModelException.class,
                () -> client(ollama, FAST, sleeper).stream(ask("Hi"), listener, new Cancellation()));

        assertEquals(Kind.NOT_FOUND, error.kind());
        assertTrue(error.getMessage().contains("try pulling it first"), error.getMessage());
        assertTrue(error.getMessage().contains("Pull it with `ollama pull qwen3:8b`"), error.getMessage());
    }

    @Test
    void aClosedPortIsAConnectErrorRetriedThenReported() throws Exception {
        String baseUrl = "http://127.0.0.1:" + closedPort() + "/v1";
        ProviderConfig config = new ProviderConfig("local", ProviderKind.OPENAI, baseUrl, null, "qwen", 0, Map.of());
        ModelException error = assertThrows(ModelException.class,
                () -> client(config, FAST, sleeper).stream(ask("Hi"), listener, new Cancellation()));

        assertEquals(Kind.CONNECT, error.kind());
        assertTrue(error.getMessage().startsWith("Could not connect to " + baseUrl + ": connection refused."),
                error.getMessage());
        assertTrue(error.getMessage().contains("Check that the server is running"), error.getMessage());
        assertEquals(2, sleeper.delays.size(), "three attempts in all");
    }

    @Test
    void aClosedOllamaPortSaysHowToStartOllama() throws Exception {
        String baseUrl = "http://127.0.0.1:" + closedPort() + "/v1";
        ProviderConfig ollama = new ProviderConfig("ollama", ProviderKind.OPENAI, baseUrl, null, "llama3.1", 0, Map.of());
        ModelException error = assertThrows(ModelException.class, () -> client(ollama, new RetryPolicy(1,
                Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(5)), sleeper)
                .stream(ask("Hi"), listener, new Cancellation()));

        assertEquals(Kind.CONNECT, error.kind());
        assertTrue(error.getMessage().contains("`ollama serve`, then `ollama pull llama3.1`"), error.getMessage());
        assertTrue(sleeper.delays.isEmpty());
    }

    @Test
    void aStreamCutBeforeAnyContentIsRetried() throws Exception {
        server.enqueue(sse(EVENTS[0]));
        server.enqueue(stream("openai-text.sse"));
        ModelResponse response = openAiClient(FAST).stream(ask("Hi"), listener, new Cancellation());

        assertEquals("Hello! How can I help you today?", response.text());
        assertEquals(List.of("Hello", "! How", " can I", " help you", " today?"), listener.texts, "no repeats");
        assertEquals(1, listener.retries.size());
        assertTrue(listener.retries.get(0).contains("ended before the response was complete"), listener.retries.get(0));
    }

    @Test
    void aStreamCutAfterTextIsThrownForTheCallerToDecide() {
        server.enqueue(sse(EVENTS[0] + EVENTS[1] + EVENTS[2]));
        server.enqueue(stream("openai-text.sse"));
        ModelException error = assertThrows(ModelException.class,
                () -> openAiClient(FAST).stream(ask("Hi"), listener, new Cancellation()));

        assertEquals(Kind.STREAM_CUT, error.kind());
        assertEquals(List.of("Hello", "! How"), listener.texts);
        assertEquals(1, server.getRequestCount());
        assertTrue(listener.retries.isEmpty());
    }

    @Test
    void aConnectionDroppedMidBodyIsAStreamCut() {
        // The server closes the socket halfway through a body of known length.
        server.enqueue(stream("openai-text.sse").newBuilder().onResponseBody(new SocketEffect.CloseSocket()).build());
        ModelException error = assertThrows(ModelException.class,
                () -> openAiClient(FAST).stream(ask("Hi"), listener, new Cancellation()));

        assertEquals(Kind.STREAM_CUT, error.kind());
        assertTrue(error.getMessage().startsWith("The stream from " + server.url("/v1") + " broke off"),
                error.getMessage());
        assertTrue(listener.texts.size() > 0 && listener.texts.size() < 5, listener.texts.toString());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void cancellingMidStreamClosesItAtOnce() throws Exception {
        server.enqueue(stream("openai-text.sse").newBuilder().throttleBody(256, 200, TimeUnit.MILLISECONDS).build());
        Cancellation cancel = new Cancellation();
        CountDownLatch firstText = new CountDownLatch(1);
        RecordingListener signalling = new RecordingListener() {
            @Override
            public void onTextDelta(String text) {
                super.onTextDelta(text);
                firstText.countDown();
            }
        };
        ModelClient client = openAiClient(FAST);
        Future<ModelResponse> call = executor.submit(() -> client.stream(ask("Hi"), signalling, cancel));
        assertTrue(firstText.await(5, TimeUnit.SECONDS));

        long cancelledAt = System.nanoTime();
        cancel.cancel();
        ExecutionException failure = assertThrows(ExecutionException.class, () -> call.get(2, TimeUnit.SECONDS));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelledAt);

        assertEquals(Kind.CANCELLED, assertInstanceOf(ModelException.class, failure.getCause()).kind());
        assertTrue(millis < 1000, "returned " + millis + " ms after cancel");
        assertTrue(signalling.texts.size() < 5, "the rest of the stream was not read");
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void cancellingWakesTheRetryWait() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "20").build());
        Cancellation cancel = new Cancellation();
        ModelClient client = ModelClients.create(openAi(server, "sk-test"), new RetryPolicy(3, Duration.ofMillis(100),
                Duration.ofSeconds(60), Duration.ofSeconds(5)), Sleeper.REAL, CLOCK, () -> 0.5);
        Future<ModelResponse> call = executor.submit(() -> client.stream(ask("Hi"), listener, cancel));
        Thread.sleep(300);

        long cancelledAt = System.nanoTime();
        cancel.cancel();
        ExecutionException failure = assertThrows(ExecutionException.class, () -> call.get(2, TimeUnit.SECONDS));

        assertEquals(Kind.CANCELLED, assertInstanceOf(ModelException.class, failure.getCause()).kind());
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelledAt) < 1000);
        assertEquals(List.of("1:20000:Rate limited by " + server.url("/v1") + " (429)."), listener.retries);
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void silenceAfterTextIsAnIdleTimeoutAndNotRetried() {
        int firstTextEnds = (EVENTS[0] + EVENTS[1]).getBytes(StandardCharsets.UTF_8).length;
        server.enqueue(stream("openai-text.sse").newBuilder()
                .throttleBody(firstTextEnds, 1500, TimeUnit.MILLISECONDS).build());
        ModelException error = assertThrows(ModelException.class, () -> openAiClient(idle(300))
                .stream(ask("Hi"), listener, new Cancellation()));

        assertEquals(Kind.IDLE_TIMEOUT, error.kind());
        assertTrue(error.getMessage().startsWith("No data from " + server.url("/v1")), error.getMessage());
        assertEquals(List.of("Hello"), listener.texts);
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void silenceAfterTheFinishReasonStillGivesTheWholeAnswer() throws Exception {
        String upToFinish = String.join("", List.of(EVENTS).subList(0, 7));
        server.enqueue(stream("openai-text.sse").newBuilder()
                .throttleBody(upToFinish.getBytes(StandardCharsets.UTF_8).length, 1500, TimeUnit.MILLISECONDS).build());
        ModelResponse response = openAiClient(idle(300)).stream(ask("Hi"), listener, new Cancellation());

        assertEquals("Hello! How can I help you today?", response.text());
        assertEquals(ModelResponse.END_TURN, response.stopReason());
        assertEquals(Usage.NONE, response.usage(), "the usage chunk never came");
    }

    @Test
    void noResponseWithinTheIdleTimeoutIsRetried() throws Exception {
        server.enqueue(stream("openai-text.sse").newBuilder().headersDelay(1, TimeUnit.SECONDS).build());
        server.enqueue(stream("openai-text.sse"));
        ModelResponse response = openAiClient(idle(300)).stream(ask("Hi"), listener, new Cancellation());

        assertEquals("Hello! How can I help you today?", response.text());
        assertEquals(1, listener.retries.size());
        assertTrue(listener.retries.get(0).contains("sent no response"), listener.retries.get(0));
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void aCancelledCallNeverReachesTheServer() {
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        ModelException error = assertThrows(ModelException.class,
                () -> openAiClient(FAST).stream(ask("Hi"), listener, cancel));

        assertEquals(Kind.CANCELLED, error.kind());
        assertEquals(0, server.getRequestCount());
    }

    private ModelClient openAiClient(RetryPolicy policy) {
        return client(openAi(server, "sk-test"), policy, sleeper);
    }

    private static RetryPolicy idle(long millis) {
        return new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMillis(millis));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
