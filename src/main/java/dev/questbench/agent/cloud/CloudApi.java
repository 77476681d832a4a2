package dev.questbench.agent.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The Cloud Agents REST calls Questbench makes, with Bearer auth, the error envelope, and retries of 5xx, 429
 * and network failures (1 s, 2 s, 4 s; never 4xx).
 */
final class CloudApi {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static final int RETRIES = 3;

    private final HttpUrl base;
    private final String token;
    private final OkHttpClient http;
    private final OkHttpClient streaming;
    private final Duration backoff;

    /**
     * @param idleTimeout how long a stream may stay silent (heartbeats arrive about every 15 s) before it counts
     *                    as dropped and is resumed
     * @param backoff     the first retry's wait; doubles for each further one
     */
    CloudApi(String baseUrl, String token, OkHttpClient http, Duration idleTimeout, Duration backoff) {
        HttpUrl parsed = HttpUrl.parse(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        if (parsed == null) {
            throw new IllegalArgumentException("The Cloud Agents base URL '" + baseUrl + "' is not a URL; fix it in "
                    + "Settings → Agents.");
        }
        this.base = parsed;
        this.token = token;
        this.http = http;
        this.streaming = http.newBuilder().readTimeout(idleTimeout).build();
        this.backoff = backoff;
    }

    JsonNode get(String path) throws CloudException {
        return call(request(path).get().build(), "GET " + path);
    }

    JsonNode post(String path, JsonNode body) throws CloudException {
        return call(request(path).post(RequestBody.create(write(body), JSON_TYPE)).build(), "POST " + path);
    }

    /** Opens the session's event stream; the caller reads and closes the response. */
    Call stream(String sessionId, String lastEventId, boolean anchorInQuery) {
        String path = "sessions/" + sessionId + "/events/stream";
        HttpUrl.Builder url = url(path).newBuilder();
        Request.Builder request = new Request.Builder().header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            if (anchorInQuery) {
                url.addQueryParameter("after_id", lastEventId);
            } else {
                request.header("Last-Event-ID", lastEventId);
            }
        }
        return streaming.newCall(request.url(url.build()).get().build());
    }

    HttpUrl url(String path) {
        HttpUrl url = base.resolve(path);
        if (url == null) {
            throw new IllegalArgumentException("bad path " + path);
        }
        return url;
    }

    private Request.Builder request(String path) {
        return new Request.Builder().url(url(path)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private JsonNode call(Request request, String what) throws CloudException {
        CloudException last = null;
        for (int attempt = 0; attempt <= RETRIES; attempt++) {
            if (attempt > 0) {
                sleep(backoff.multipliedBy(1L << (attempt - 1)));
            }
            try (Response response = http.newCall(request).execute()) {
                JsonNode body = read(response.body());
                if (response.isSuccessful()) {
                    return body;
                }
                last = CloudException.of(response.code(), body, response.header("x-request-id"), what);
                if (response.code() != 429 && response.code() < 500) {
                    throw last;
                }
            } catch (IOException e) {
                last = new CloudException(0, "network_error", what + " failed: " + e.getMessage(), null);
            }
        }
        throw last;
    }

    static JsonNode read(ResponseBody body) throws IOException {
        String text = body == null ? "" : body.string();
        if (text.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            ObjectNode raw = JSON.createObjectNode();
            raw.put("raw", text);
            return raw;
        }
    }

    private static byte[] write(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
