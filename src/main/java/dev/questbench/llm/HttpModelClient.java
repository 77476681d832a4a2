package dev.questbench.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.DoubleSupplier;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * What both wire protocols share: one streamed POST per attempt read as Server-Sent Events, retries with backoff
 * while nothing has reached the listener, clear errors, and {@code GET /models}.
 */
abstract class HttpModelClient implements ModelClient {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final long ERROR_BODY_LIMIT = 64 * 1024;

    private final ProviderConfig config;
    private final RetryPolicy policy;
    private final OkHttpClient http;
    private final Sleeper sleeper;
    private final Backoff backoff;
    final ProviderErrors errors;

    /** {@code http} is the shared client; this client derives one whose read timeout is the idle timeout. */
    HttpModelClient(ProviderConfig config, RetryPolicy policy, OkHttpClient http, Sleeper sleeper, Clock clock,
                    DoubleSupplier random) {
        this.config = Objects.requireNonNull(config, "config");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.http = http.newBuilder().readTimeout(policy.idleTimeout()).build();
        this.sleeper = sleeper;
        this.backoff = new Backoff(policy, clock, random);
        this.errors = new ProviderErrors(config, policy.idleTimeout());
    }

    /** The JSON body of a streamed model call. */
    abstract JsonNode streamBody(ModelRequest request, String model);

    /** Where the streamed call goes, relative to the base URL ("chat/completions", "messages"). */
    abstract String streamPath();

    /** Where the model list is, relative to the base URL. */
    abstract String modelsPath();

    /** Authentication and protocol headers; the configured extra headers are added after these. */
    abstract void addProtocolHeaders(Request.Builder request);

    abstract EventStream newEventStream(ContentAssembler content, String model);

    @Override
    public ProviderConfig config() {
        return config;
    }

    @Override
    public ModelResponse stream(ModelRequest request, StreamListener listener, Cancellation cancel)
            throws ModelException {
        StreamListener target = listener == null ? StreamListener.NONE : listener;
        Cancellation cancellation = cancel == null ? new Cancellation() : cancel;
        String model = request.model() == null || request.model().isBlank() ? config.model() : request.model();
        Request httpRequest = newRequest(streamPath())
                .header("Accept", "text/event-stream")
                .post(RequestBody.create(Json.write(streamBody(request, model)), JSON))
                .build();
        int maxAttempts = Math.max(1, policy.maxAttempts());
        for (int attempt = 1; ; attempt++) {
            if (cancellation.isCancelled()) {
                throw ProviderErrors.cancelled();
            }
            ContentAssembler content = new ContentAssembler(target);
            RetryHint hint = new RetryHint();
            try {
                return exchange(httpRequest, content, model, cancellation, hint);
            } catch (ModelException e) {
                // Once content reached the listener a retry would repeat it; the caller decides instead.
                if (!e.retryable() || content.delivered()) {
                    throw e;
                }
                if (attempt >= maxAttempts) {
                    throw new ModelException(e.kind(), e.status(),
                            e.getMessage() + " (gave up after " + attempt + " attempts)", e.getCause());
                }
                long delay = backoff.delayMillis(attempt, hint.headers);
                target.onRetry(attempt, delay, e.getMessage());
                pause(delay, cancellation);
            }
        }
    }

    /** The headers of a failed answer, which may say when to retry. */
    private static final class RetryHint {
        Headers headers;
    }

    private ModelResponse exchange(Request httpRequest, ContentAssembler content, String model, Cancellation cancel,
                                   RetryHint hint) throws ModelException {
        Call call = http.newCall(httpRequest);
        AutoCloseable registration = cancel.onCancel(call::cancel);
        try {
            Response response;
            try {
                response = call.execute();
            } catch (IOException e) {
                throw errors.beforeResponse(e, cancel);
            }
            try (response) {
                if (!response.isSuccessful()) {
                    hint.headers = response.headers();
                    throw errors.fromStatus(response.code(), errorBody(response), model);
                }
                ResponseBody body = response.body();
                MediaType type = body.contentType();
                if (type != null && "json".equals(type.subtype())) {
                    throw jsonInsteadOfStream(body.string());
                }
                EventStream events = newEventStream(content, model);
                readEvents(new SseReader(body.source()), events);
                if (cancel.isCancelled()) {
                    throw ProviderErrors.cancelled();
                }
                if (!events.complete()) {
                    throw errors.streamCut();
                }
                return events.response();
            } catch (IOException e) {
                throw errors.duringStream(e, cancel);
            }
        } finally {
            Registrations.release(registration);
        }
    }

    private static void readEvents(SseReader reader, EventStream events) throws IOException, ModelException {
        try {
            while (!events.finished() && reader.next(events)) {
                // each event has been handed to the stream
            }
        } catch (IOException e) {
            // A server that never closes after its finish reason still gave a whole answer.
            if (!events.complete()) {
                throw e;
            }
        }
    }

    private ModelException jsonInsteadOfStream(String body) {
        JsonNode json = Json.tryParse(body);
        if (json != null && json.isObject() && (json.has("error") || "error".equals(Json.text(json, "type")))) {
            return errors.reported(json);
        }
        return errors.notAStream(body);
    }

    private void pause(long millis, Cancellation cancel) throws ModelException {
        try {
            sleeper.sleep(millis, cancel);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderErrors.cancelled();
        }
        if (cancel.isCancelled()) {
            throw ProviderErrors.cancelled();
        }
    }

    @Override
    public List<String> listModels() throws ModelException {
        Request request = newRequest(modelsPath()).get().build();
        Cancellation never = new Cancellation();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw errors.fromListingStatus(response.code(), errorBody(response));
            }
            String body = response.body().string();
            JsonNode json = Json.tryParse(body);
            if (json == null) {
                throw errors.malformed(body);
            }
            return modelIds(json);
        } catch (IOException e) {
            throw errors.beforeResponse(e, never);
        }
    }

    /** {@code data[].id}; llama.cpp and Ollama's native API also answer with {@code models[].name}. */
    static List<String> modelIds(JsonNode json) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode entry : json.path("data")) {
            String id = Json.text(entry, "id");
            if (id != null) {
                ids.add(id);
            }
        }
        for (JsonNode entry : json.path("models")) {
            String id = Json.text(entry, "id") != null ? Json.text(entry, "id") : Json.text(entry, "name");
            if (id != null) {
                ids.add(id);
            }
        }
        return new ArrayList<>(ids);
    }

    @Override
    public ConnectionCheck testConnection() {
        try {
            return ConnectionChecks.check(config, listModels());
        } catch (ModelException e) {
            return new ConnectionCheck(false, e.getMessage(), List.of());
        } catch (RuntimeException e) {
            return new ConnectionCheck(false, "Could not check " + config.baseUrl() + ": " + e, List.of());
        }
    }

    private Request.Builder newRequest(String path) throws ModelException {
        String base = config.baseUrl().strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        HttpUrl url = HttpUrl.parse(base + "/" + path);
        if (url == null) {
            throw new ModelException(ModelException.Kind.BAD_REQUEST, "The base URL '" + config.baseUrl()
                    + "' is not an http(s) URL. Fix it in Settings → Models.");
        }
        Request.Builder builder = new Request.Builder().url(url);
        addProtocolHeaders(builder);
        for (Map.Entry<String, String> header : config.headers().entrySet()) {
            builder.header(header.getKey(), header.getValue());
        }
        return builder;
    }

    boolean hasApiKey() {
        return config.apiKey() != null && !config.apiKey().isBlank();
    }

    private static String errorBody(Response response) {
        try {
            return response.peekBody(ERROR_BODY_LIMIT).string();
        } catch (IOException e) {
            return "";
        }
    }
}
