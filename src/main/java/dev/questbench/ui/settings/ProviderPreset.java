package dev.questbench.ui.settings;

import dev.questbench.llm.ProviderKind;

/** Well-known provider endpoints the Models page offers as base URL presets. */
public enum ProviderPreset {
    OPENAI("OpenAI", ProviderKind.OPENAI, "https://api.openai.com/v1"),
    ANTHROPIC("Anthropic", ProviderKind.ANTHROPIC, "https://api.anthropic.com/v1"),
    OLLAMA("Ollama", ProviderKind.OPENAI, "http://localhost:11434/v1"),
    LM_STUDIO("LM Studio", ProviderKind.OPENAI, "http://localhost:1234/v1"),
    VLLM("vLLM", ProviderKind.OPENAI, "http://localhost:8000/v1"),
    LLAMA_CPP("llama.cpp", ProviderKind.OPENAI, "http://localhost:8080/v1"),
    OPENROUTER("OpenRouter", ProviderKind.OPENAI, "https://openrouter.ai/api/v1"),
    DEEPSEEK("DeepSeek", ProviderKind.OPENAI, "https://api.deepseek.com/v1"),
    DASHSCOPE("DashScope", ProviderKind.OPENAI, "https://dashscope.aliyuncs.com/compatible-mode/v1");

    private final String label;
    private final ProviderKind kind;
    private final String baseUrl;

    ProviderPreset(String label, ProviderKind kind, String baseUrl) {
        this.label = label;
        this.kind = kind;
        this.baseUrl = baseUrl;
    }

    public String label() {
        return label;
    }

    /** The protocol the endpoint speaks: everything but Anthropic is OpenAI-compatible. */
    public ProviderKind kind() {
        return kind;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** How the kind reads in the form. */
    public static String describe(ProviderKind kind) {
        return kind == ProviderKind.ANTHROPIC ? "Anthropic" : "OpenAI-compatible";
    }
}
