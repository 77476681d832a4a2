package dev.questbench.agent.builtin;

import dev.questbench.llm.ProviderConfig;
import dev.questbench.llm.ProviderKind;
import java.util.Map;

/**
 * A provider as saved in Settings → Models. The API key is not here: it lives in the secrets file under
 * {@link ProviderRegistry#secretKey(String)}, or comes from the environment variable {@code apiKeyEnv}.
 */
public record ProviderEntry(String name, ProviderKind kind, String baseUrl, String model, int contextWindow,
                            Map<String, String> headers, String apiKeyEnv) {
    public ProviderEntry {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    ProviderConfig toConfig(String apiKey) {
        return new ProviderConfig(name, kind, baseUrl, apiKey, model, contextWindow, headers);
    }

    static ProviderEntry of(ProviderConfig config) {
        return new ProviderEntry(config.name(), config.kind(), config.baseUrl(), config.model(),
                config.contextWindow(), config.headers(), null);
    }
}
