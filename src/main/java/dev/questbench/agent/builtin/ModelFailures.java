package dev.questbench.agent.builtin;

import dev.questbench.agent.TurnResult;
import dev.questbench.llm.ModelException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/** What the user reads when the model cannot be reached or answers with an error, and what to do about it. */
final class ModelFailures {
    private ModelFailures() {
    }

    /** The turn result for a failed model call: Stopped when cancelled, else a retryable failure. */
    static TurnResult of(ModelException e) {
        if (e.kind() == ModelException.Kind.CANCELLED) {
            return new TurnResult.Stopped();
        }
        String type = switch (e.kind()) {
            case AUTH -> "authentication_failed";
            case NOT_FOUND, BAD_REQUEST -> "invalid_request";
            case RATE_LIMITED -> "rate_limit";
            case SERVER -> "server_error";
            case CONNECT -> "model_unavailable";
            default -> "model_error";
        };
        // Retry makes sense for every model failure: the user may fix the key, the model name or the server first.
        return new TurnResult.Failed(type, e.getMessage(), true);
    }

    /** With nothing configured, a quick check that Ollama listens, so the quest fails at once with what to do. */
    static TurnResult probeImplicitProvider(SessionSetup setup) {
        URI uri;
        try {
            uri = URI.create(setup.client().config().baseUrl());
        } catch (IllegalArgumentException e) {
            return null;
        }
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : 11434;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1_000);
            return null;
        } catch (IOException e) {
            return new TurnResult.Failed("model_unavailable", "No model provider is configured, and Ollama is not "
                    + "running at " + uri + ". Start Ollama ('ollama serve', then 'ollama pull " + setup.model()
                    + "'), or add a provider in Settings → Models (OpenAI, Anthropic or any OpenAI-compatible "
                    + "server), or set OPENAI_API_KEY or ANTHROPIC_API_KEY. Then Retry.", true);
        }
    }
}
