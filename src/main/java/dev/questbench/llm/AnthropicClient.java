package dev.questbench.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.function.DoubleSupplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/** Anthropic Messages ({@code POST /messages}), base URL like {@code https://api.anthropic.com/v1}. */
final class AnthropicClient extends HttpModelClient {
    static final String API_VERSION = "2023-06-01";

    AnthropicClient(ProviderConfig config, RetryPolicy policy, OkHttpClient http, Sleeper sleeper, Clock clock,
                    DoubleSupplier random) {
        super(config, policy, http, sleeper, clock, random);
    }

    @Override
    JsonNode streamBody(ModelRequest request, String model) {
        return AnthropicRequestBody.of(request, model);
    }

    @Override
    String streamPath() {
        return "messages";
    }

    @Override
    String modelsPath() {
        return "models?limit=1000";
    }

    @Override
    void addProtocolHeaders(Request.Builder request) {
        if (hasApiKey()) {
            request.header("x-api-key", config().apiKey().strip());
        }
        request.header("anthropic-version", API_VERSION);
    }

    @Override
    EventStream newEventStream(ContentAssembler content, String model) {
        return new AnthropicStream(content, errors, model);
    }
}
