package dev.questbench.llm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The wire protocol a provider speaks. */
public enum ProviderKind {
    /** OpenAI-compatible Chat Completions: OpenAI, Ollama, vLLM, LM Studio, llama.cpp, OpenRouter, DeepSeek... */
    OPENAI,
    /** Anthropic Messages. */
    ANTHROPIC;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ProviderKind fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
