package dev.questbench.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Test fixtures: recorded SSE streams as MockWebServer responses, clients with a recording sleeper. */
final class RecordedStreams {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-10T12:00:00Z"), ZoneOffset.UTC);
    /** Fast retries and a short idle timeout so failing tests fail quickly. */
    static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(30),
            Duration.ofSeconds(5));

    private RecordedStreams() {
    }

    static String text(String resource) {
        try (InputStream in = RecordedStreams.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MockResponse stream(String resource) {
        return sse(text(resource));
    }

    static MockResponse sse(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream; charset=utf-8")
                .body(body).build();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    static ProviderConfig openAi(MockWebServer server, String key) {
        return new ProviderConfig("work-vllm", ProviderKind.OPENAI, server.url("/v1").toString(), key, "gpt-4o-mini",
                0, Map.of());
    }

    static ProviderConfig anthropic(MockWebServer server) {
        return new ProviderConfig("anthropic", ProviderKind.ANTHROPIC, server.url("/v1").toString(), "sk-ant-test",
                "claude-sonnet-4-5", 200_000, Map.of());
    }

    static ModelClient client(ProviderConfig config, RetryPolicy policy, RecordingSleeper sleeper) {
        return ModelClients.create(config, policy, sleeper, CLOCK, () -> 0.5);
    }

    static ModelRequest ask(String text) {
        return new ModelRequest(null, "Be brief.", List.of(ChatMessage.user(text)), List.of(), 0, null);
    }

    /** Records the delays instead of sleeping. */
    static final class RecordingSleeper implements Sleeper {
        final List<Long> delays = new ArrayList<>();

        @Override
        public void sleep(long millis, Cancellation cancel) {
            delays.add(millis);
        }
    }

    record ToolDelta(int index, String id, String name, String arguments) {
    }

    /** Records every callback in order. */
    static class RecordingListener implements StreamListener {
        final List<String> events = new ArrayList<>();
        final List<String> texts = new ArrayList<>();
        final List<String> thinking = new ArrayList<>();
        final List<String> retries = new ArrayList<>();
        final List<ToolDelta> toolDeltas = new ArrayList<>();

        @Override
        public void onTextDelta(String text) {
            texts.add(text);
            events.add("text:" + text);
        }

        @Override
        public void onThinkingDelta(String text) {
            thinking.add(text);
            events.add("thinking:" + text);
        }

        @Override
        public void onToolCallDelta(int index, String id, String name, String argumentsDelta) {
            toolDeltas.add(new ToolDelta(index, id, name, argumentsDelta));
            events.add("tool:" + index);
        }

        @Override
        public void onRetry(int attempt, long delayMillis, String reason) {
            retries.add(attempt + ":" + delayMillis + ":" + reason);
        }

        /** The argument pieces tool call {@code index} received, joined. */
        String arguments(int index) {
            StringBuilder out = new StringBuilder();
            toolDeltas.stream().filter(delta -> delta.index() == index).forEach(delta -> out.append(delta.arguments()));
            return out.toString();
        }
    }
}
