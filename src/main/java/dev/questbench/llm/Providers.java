package dev.questbench.llm;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Provider configs implied by the environment, and the default when nothing is configured. */
public final class Providers {
    public static final String OLLAMA_DEFAULT_URL = "http://localhost:11434/v1";
    public static final String OPENAI_DEFAULT_URL = "https://api.openai.com/v1";
    public static final String ANTHROPIC_DEFAULT_URL = "https://api.anthropic.com/v1";
    public static final String OPENAI_DEFAULT_MODEL = "gpt-4o-mini";
    public static final String ANTHROPIC_DEFAULT_MODEL = "claude-sonnet-4-5";
    public static final String OLLAMA_DEFAULT_MODEL = "llama3.1";
    static final int OPENAI_CONTEXT_WINDOW = 128_000;
    static final int ANTHROPIC_CONTEXT_WINDOW = 200_000;

    private Providers() {
    }

    /**
     * Providers the environment configures: {@code OPENAI_API_KEY}/{@code OPENAI_BASE_URL} → "openai",
     * {@code ANTHROPIC_API_KEY} → "anthropic", {@code OLLAMA_HOST} → "ollama".
     */
    public static List<ProviderConfig> fromEnvironment(Map<String, String> env) {
        List<ProviderConfig> providers = new ArrayList<>();
        String openAiKey = value(env, "OPENAI_API_KEY");
        String openAiUrl = value(env, "OPENAI_BASE_URL");
        if (openAiKey != null || openAiUrl != null) {
            // A base URL alone is enough: local OpenAI-compatible servers need no key.
            String baseUrl = openAiUrl == null ? OPENAI_DEFAULT_URL : withoutTrailingSlash(openAiUrl);
            int window = baseUrl.equals(OPENAI_DEFAULT_URL) ? OPENAI_CONTEXT_WINDOW : 0;
            providers.add(new ProviderConfig("openai", ProviderKind.OPENAI, baseUrl, openAiKey, OPENAI_DEFAULT_MODEL,
                    window, Map.of()));
        }
        String anthropicKey = value(env, "ANTHROPIC_API_KEY");
        if (anthropicKey != null) {
            providers.add(new ProviderConfig("anthropic", ProviderKind.ANTHROPIC, ANTHROPIC_DEFAULT_URL, anthropicKey,
                    ANTHROPIC_DEFAULT_MODEL, ANTHROPIC_CONTEXT_WINDOW, Map.of()));
        }
        if (value(env, "OLLAMA_HOST") != null) {
            providers.add(ollamaDefault(env));
        }
        return List.copyOf(providers);
    }

    /** Ollama at {@code OLLAMA_HOST} or {@code http://localhost:11434/v1}, used when nothing is configured. */
    public static ProviderConfig ollamaDefault(Map<String, String> env) {
        String host = value(env, "OLLAMA_HOST");
        String baseUrl = host == null ? OLLAMA_DEFAULT_URL : ollamaUrl(host);
        return new ProviderConfig("ollama", ProviderKind.OPENAI, baseUrl, null, OLLAMA_DEFAULT_MODEL, 0, Map.of());
    }

    /**
     * {@code OLLAMA_HOST} as an OpenAI-compatible base URL: accepts {@code host}, {@code host:port},
     * {@code http(s)://host:port} with or without {@code /v1}; the port defaults to 11434, and the bind-all address
     * {@code 0.0.0.0} (often set for the server) becomes localhost.
     */
    static String ollamaUrl(String host) {
        String value = withoutTrailingSlash(host.strip());
        if (value.endsWith("/v1")) {
            value = withoutTrailingSlash(value.substring(0, value.length() - 3));
        }
        if (!value.contains("://")) {
            value = "http://" + value;
        }
        try {
            URI uri = URI.create(value);
            String name = uri.getHost() == null || uri.getHost().isEmpty() || uri.getHost().equals("0.0.0.0")
                    ? "localhost" : uri.getHost();
            int port = uri.getPort() > 0 ? uri.getPort() : ProviderErrors.OLLAMA_PORT;
            String path = uri.getRawPath() == null ? "" : withoutTrailingSlash(uri.getRawPath());
            return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + name + ":" + port + path + "/v1";
        } catch (IllegalArgumentException e) {
            return OLLAMA_DEFAULT_URL; // an unreadable OLLAMA_HOST falls back to where Ollama usually is
        }
    }

    private static String value(Map<String, String> env, String name) {
        String value = env == null ? null : env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String withoutTrailingSlash(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
