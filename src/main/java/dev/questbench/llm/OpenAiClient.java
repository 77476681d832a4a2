package dev.questbench.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.function.DoubleSupplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/** OpenAI-compatible Chat Completions ({@code POST /chat/completions}): OpenAI, Ollama, vLLM, LM Studio, ... */
final class OpenAiClient extends HttpModelClient {

    OpenAiClient(ProviderConfig config, RetryPolicy policy, OkHttpClient http, Sleeper sleeper, Clock clock,
                 DoubleSupplier random) {
        super(config, policy, http, sleeper, clock, random);
    }

    @Override
    JsonNode streamBody(ModelRequest request, String model) {
        // OpenAI's reasoning models refuse max_tokens; most other servers only know max_tokens.
        return OpenAiRequestBody.of(request, model, isOpenAi() ? "max_completion_tokens" : "max_tokens");
    }

    @Override
    String streamPath() {
        return "chat/completions";
    }

    @Override
    String modelsPath() {
        return "models";
    }

    @Override
    void addProtocolHeaders(Request.Builder request) {
        if (hasApiKey()) {
            request.header("Authorization", "Bearer " + config().apiKey().strip());
        }
    }

    @Override
    EventStream newEventStream(ContentAssembler content, String model) {
        return new OpenAiStream(content, errors, model);
    }

    private boolean isOpenAi() {
        HttpUrl url = HttpUrl.parse(config().baseUrl().strip());
        return url != null && url.host().equals("api.openai.com");
    }
}
