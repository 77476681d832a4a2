package dev.questbench.llm;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;
import java.util.Objects;

/**
 * One configured model provider.
 *
 * @param name          what the user calls it ("ollama", "openai", "work-vllm"); unique
 * @param baseUrl       the API root, e.g. {@code https://api.openai.com/v1} or {@code http://localhost:11434/v1}
 * @param apiKey        the key, or null (never journaled or logged; see {@link #toString()})
 * @param model         the default model id
 * @param contextWindow the model's context window in tokens (0 = unknown, a safe default applies)
 * @param headers       extra HTTP headers sent with every request
 */
public record ProviderConfig(String name, ProviderKind kind, String baseUrl, String apiKey, String model,
                             int contextWindow, Map<String, String> headers) {
    /** Context window assumed when none is configured. */
    public static final int DEFAULT_CONTEXT_WINDOW = 32_768;

    public ProviderConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(baseUrl, "baseUrl");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    @JsonIgnore
    public int effectiveContextWindow() {
        return contextWindow > 0 ? contextWindow : DEFAULT_CONTEXT_WINDOW;
    }

    public ProviderConfig withModel(String newModel) {
        return new ProviderConfig(name, kind, baseUrl, apiKey, newModel, contextWindow, headers);
    }

    public ProviderConfig withApiKey(String newKey) {
        return new ProviderConfig(name, kind, baseUrl, newKey, model, contextWindow, headers);
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "ProviderConfig[" + name + ", " + kind.wire() + ", " + baseUrl + ", model=" + model
                + (apiKey == null || apiKey.isEmpty() ? "" : ", key=…") + "]";
    }
}
