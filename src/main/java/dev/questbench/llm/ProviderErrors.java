package dev.questbench.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.llm.ModelException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SSLException;

/** Turns HTTP statuses, I/O failures and provider error bodies into {@link ModelException}s a user can act on. */
final class ProviderErrors {
    static final int OLLAMA_PORT = 11434;
    private static final int SNIPPET = 300;

    private final ProviderConfig config;
    private final String baseUrl;
    private final Duration idleTimeout;

    ProviderErrors(ProviderConfig config, Duration idleTimeout) {
        this.config = config;
        this.baseUrl = config.baseUrl();
        this.idleTimeout = idleTimeout;
    }

    static ModelException cancelled() {
        return new ModelException(Kind.CANCELLED, "Cancelled.");
    }

    /** A non-2xx answer to a model call for {@code model}. */
    ModelException fromStatus(int status, String body, String model) {
        String detail = detail(providerMessage(body));
        if (status == 404) {
            String next = looksLikeOllama(config)
                    ? ". Pull it with `ollama pull " + model + "`, or check the model name and the base URL"
                    + " in Settings → Models."
                    : ". Check the model name and the base URL in Settings → Models.";
            return new ModelException(Kind.NOT_FOUND, status,
                    "model '" + model + "' not found at " + baseUrl + " (404)" + detail + next, null);
        }
        return fromOtherStatus(status, detail);
    }

    /** A non-2xx answer to {@code GET /models}: a 404 there means the base URL is wrong, not the model. */
    ModelException fromListingStatus(int status, String body) {
        String detail = detail(providerMessage(body));
        if (status == 404) {
            return new ModelException(Kind.NOT_FOUND, status, baseUrl + "/models was not found (404)" + detail
                    + ". Check the base URL in Settings → Models; OpenAI-compatible servers usually end in /v1.",
                    null);
        }
        return fromOtherStatus(status, detail);
    }

    private ModelException fromOtherStatus(int status, String detail) {
        if (status == 401 || status == 403) {
            String keyVariable = config.kind() == ProviderKind.ANTHROPIC ? "ANTHROPIC_API_KEY" : "OPENAI_API_KEY";
            String noKey = config.apiKey() == null || config.apiKey().isBlank() ? " No key is set." : "";
            return new ModelException(Kind.AUTH, status, "API key rejected by " + baseUrl + " (" + status + ")"
                    + detail + "." + noKey + " Check the key in Settings → Models or the " + keyVariable
                    + " environment variable.", null);
        }
        if (status == 429) {
            return new ModelException(Kind.RATE_LIMITED, status,
                    "Rate limited by " + baseUrl + " (429)" + detail + ".", null);
        }
        if (status >= 500 || status == 408) {
            return new ModelException(Kind.SERVER, status,
                    baseUrl + " failed with a server error (" + status + ")" + detail + ".", null);
        }
        return new ModelException(Kind.BAD_REQUEST, status,
                baseUrl + " rejected the request (" + status + ")" + detail + ".", null);
    }

    /** The connection or the request failed before any response arrived. */
    ModelException beforeResponse(IOException e, Cancellation cancel) {
        if (wasCancelled(cancel)) {
            return cancelled();
        }
        if (e instanceof SocketTimeoutException && !mentionsConnect(e)) {
            return new ModelException(Kind.IDLE_TIMEOUT, 0,
                    baseUrl + " sent no response for " + idleTimeout.toSeconds() + " s.", e);
        }
        return new ModelException(Kind.CONNECT, 0,
                "Could not connect to " + baseUrl + ": " + describe(e) + ". " + connectAdvice(config), e);
    }

    /** Reading the streamed body failed. */
    ModelException duringStream(IOException e, Cancellation cancel) {
        if (wasCancelled(cancel)) {
            return cancelled();
        }
        if (e instanceof SocketTimeoutException) {
            return new ModelException(Kind.IDLE_TIMEOUT, 0, "No data from " + baseUrl + " for "
                    + idleTimeout.toSeconds() + " s; the stream was abandoned.", e);
        }
        return new ModelException(Kind.STREAM_CUT, 0,
                "The stream from " + baseUrl + " broke off: " + describe(e) + ".", e);
    }

    ModelException streamCut() {
        return new ModelException(Kind.STREAM_CUT, 0,
                "The stream from " + baseUrl + " ended before the response was complete.", null);
    }

    ModelException malformed(String data) {
        return new ModelException(Kind.MALFORMED, 0,
                baseUrl + " sent something that is not valid JSON: " + abbreviate(data), null);
    }

    ModelException notAStream(String body) {
        return new ModelException(Kind.MALFORMED, 0,
                baseUrl + " answered with JSON instead of an event stream: " + abbreviate(body), null);
    }

    /**
     * An error the provider reported inside the stream or in a JSON body: {@code {"error":{...}}},
     * {@code {"error":"..."}} or vLLM's {@code {"object":"error",...}}. The kind follows the code or type.
     */
    ModelException reported(JsonNode body) {
        JsonNode error = body.has("error") ? body.get("error") : body;
        String message = error.isTextual() ? error.asText() : Json.text(error, "message");
        String type = Objects.toString(Json.text(error, "type"), "").toLowerCase(Locale.ROOT);
        JsonNode code = error.path("code");
        int status = code.isInt() ? code.asInt() : code.isTextual() && code.asText().matches("\\d{3}")
                ? Integer.parseInt(code.asText()) : 0;
        String text = baseUrl + " reported an error: " + (message == null ? abbreviate(Json.write(body)) : message);
        return new ModelException(kindOf(status, type), status, text, null);
    }

    private static Kind kindOf(int status, String type) {
        if (status == 401 || status == 403 || type.contains("authentication") || type.contains("permission")) {
            return Kind.AUTH;
        }
        if (status == 404 || type.contains("not_found")) {
            return Kind.NOT_FOUND;
        }
        if (status == 429 || type.contains("rate_limit")) {
            return Kind.RATE_LIMITED;
        }
        if (status >= 400 && status < 500 || type.contains("invalid_request") || type.contains("badrequest")) {
            return Kind.BAD_REQUEST;
        }
        return Kind.SERVER;
    }

    /** The provider's own words from an error body: {@code error.message}, {@code error}, {@code message}, ... */
    static String providerMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        JsonNode json = Json.tryParse(body);
        if (json == null || !json.isObject()) {
            String trimmed = body.strip();
            return trimmed.startsWith("<") ? "" : abbreviate(trimmed);
        }
        JsonNode error = json.get("error");
        if (error != null && error.isTextual()) {
            return error.asText();
        }
        for (String field : new String[] {"message", "detail"}) {
            String text = Json.text(error, field);
            text = text != null ? text : Json.text(json, field);
            if (text != null) {
                return text;
            }
        }
        return abbreviate(body.strip());
    }

    /** What to do when the server cannot be reached; for Ollama, how to start it. */
    static String connectAdvice(ProviderConfig config) {
        if (looksLikeOllama(config)) {
            String model = config.model() == null || config.model().isBlank() ? "<model>" : config.model();
            return "Is Ollama running? Start it with `ollama serve`, then `ollama pull " + model
                    + "`, or configure another provider in Settings → Models.";
        }
        return "Check that the server is running and that the base URL in Settings → Models is right.";
    }

    static boolean looksLikeOllama(ProviderConfig config) {
        if (config.name().toLowerCase(Locale.ROOT).contains("ollama")) {
            return true;
        }
        try {
            return URI.create(config.baseUrl().trim()).getPort() == OLLAMA_PORT;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean wasCancelled(Cancellation cancel) {
        return cancel.isCancelled() || Thread.currentThread().isInterrupted();
    }

    private static boolean mentionsConnect(IOException e) {
        return String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("connect");
    }

    private static String describe(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        // OkHttp wraps the socket's ConnectException in its own, whose message only names the address.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException
                    && String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("refused")) {
                return "connection refused";
            }
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + message;
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (e instanceof SSLException) {
            return "TLS failed (" + message + ")";
        }
        if (e instanceof InterruptedIOException) {
            return "timed out" + (message.isEmpty() ? "" : " (" + message + ")");
        }
        return message.isEmpty() ? e.getClass().getSimpleName() : message;
    }

    private static String detail(String providerMessage) {
        String trimmed = providerMessage.strip();
        while (trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? "" : ": " + trimmed;
    }

    private static String abbreviate(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= SNIPPET ? flat : flat.substring(0, SNIPPET) + "…";
    }
}
