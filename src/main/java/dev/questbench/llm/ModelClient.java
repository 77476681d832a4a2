package dev.questbench.llm;

import java.util.List;

/** A streaming client for one provider. Thread-safe; one client serves many quests. */
public interface ModelClient {

    ProviderConfig config();

    /**
     * Streams one model call to the listener and returns the whole response when the stream ends. Retries
     * retryable failures (see {@link ModelException.Kind}) with backoff before any content was delivered;
     * {@code cancel} closes the stream at once and makes this throw {@link ModelException.Kind#CANCELLED}.
     */
    ModelResponse stream(ModelRequest request, StreamListener listener, Cancellation cancel) throws ModelException;

    /** The model ids the provider offers ({@code GET /models}). */
    List<String> listModels() throws ModelException;

    /**
     * Checks the provider answers with these settings: lists the models and says whether the configured one is
     * among them. Never throws; the result is written for the user.
     */
    ConnectionCheck testConnection();

    record ConnectionCheck(boolean ok, String message, List<String> models) {
        public ConnectionCheck {
            models = models == null ? List.of() : List.copyOf(models);
        }
    }
}
