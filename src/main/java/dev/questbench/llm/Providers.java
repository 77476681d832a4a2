package dev.questbench.llm;

import java.util.List;
import java.util.Map;

/** Provider configs implied by the environment, and the default when nothing is configured. STUB. */
public final class Providers {
    public static final String OLLAMA_DEFAULT_URL = "http://localhost:11434/v1";

    private Providers() {
    }

    /**
     * Providers the environment configures: {@code OPENAI_API_KEY}/{@code OPENAI_BASE_URL} → "openai",
     * {@code ANTHROPIC_API_KEY} → "anthropic", {@code OLLAMA_HOST} → "ollama".
     */
    public static List<ProviderConfig> fromEnvironment(Map<String, String> env) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Ollama at {@code OLLAMA_HOST} or {@code http://localhost:11434/v1}, used when nothing is configured. */
    public static ProviderConfig ollamaDefault(Map<String, String> env) {
        throw new UnsupportedOperationException("not yet");
    }
}
