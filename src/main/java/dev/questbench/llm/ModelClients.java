package dev.questbench.llm;

/** Makes clients for provider configs; all share one HTTP connection pool. STUB: filled by the llm work. */
public final class ModelClients {
    private ModelClients() {
    }

    public static ModelClient create(ProviderConfig config) {
        return create(config, RetryPolicy.DEFAULT);
    }

    public static ModelClient create(ProviderConfig config, RetryPolicy retry) {
        throw new UnsupportedOperationException("not yet");
    }
}
