package dev.questbench.agent.builtin.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.domain.event.EventJson;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * An MCP server over the legacy HTTP+SSE transport (protocol 2024-11-05): a GET opens an event stream whose
 * {@code endpoint} event names the URL to POST requests to; answers come back as {@code message} events. When the
 * stream drops the transport is dead, and the client reconnects (and initializes again) on the next call.
 */
final class SseTransport implements McpTransport {
    private static final OkHttpClient STREAM = HttpTransport.HTTP.newBuilder().readTimeout(Duration.ZERO).build();
    private static final long ENDPOINT_WAIT_SECONDS = 10;
    private static final long ANSWER_WAIT_SECONDS = 60;
    private final McpServerConfig config;
    private final McpAuth auth;
    private volatile Call stream;
    private final CompletableFuture<HttpUrl> endpoint = new CompletableFuture<>();
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private volatile boolean open = true;

    SseTransport(McpServerConfig config, McpAuth auth) throws IOException {
        this.config = config;
        this.auth = auth;
        HttpUrl url = HttpUrl.parse(config.url());
        if (url == null) {
            throw new IOException("'" + config.url() + "' is not an http(s) URL");
        }
        Response response = open(url);
        if (response.code() == 401 && auth.refresh()) {
            response.close();
            response = open(url);
        }
        if (response.isSuccessful() && !response.header("Content-Type", "").startsWith("text/event-stream")
                || response.code() == 405) {
            response.close();
            throw new IOException("the server at " + config.url() + " does not open an event stream there; if it "
                    + "speaks Streamable HTTP, set \"type\": \"http\" in its entry");
        }
        McpAuth.check(response, config);
        Response body = response;
        Thread reader = new Thread(() -> read(body, url), "mcp-sse-" + config.name());
        reader.setDaemon(true);
        reader.start();
        try {
            endpoint.get(ENDPOINT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException | InterruptedException e) {
            close();
            throw new IOException("the server sent no endpoint event on its event stream; if it speaks Streamable "
                    + "HTTP, set \"type\": \"http\" in its entry");
        }
    }

    private Response open(HttpUrl url) throws IOException {
        Request.Builder request = new Request.Builder().url(url).header("Accept", "text/event-stream").get();
        Call call = STREAM.newCall(auth.sign(request, config).build());
        stream = call;
        return call.execute();
    }

    @Override
    public JsonNode request(ObjectNode message) throws IOException {
        String id = message.get("id").asText();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            post(message);
            return answer.get(ANSWER_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("the server did not answer within " + ANSWER_WAIT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the server");
        } finally {
            pending.remove(id);
        }
    }

    @Override
    public void notify(ObjectNode message) throws IOException {
        post(message);
    }

    private void post(ObjectNode message) throws IOException {
        if (!open) {
            throw new StreamGoneException();
        }
        Response response = send(message);
        if (response.code() == 401 && auth.refresh()) {
            response.close();
            response = send(message);
        }
        try (Response answered = response) {
            if (answered.code() == 404 || answered.code() == 410) {
                close(); // the server forgot the session: its stream is gone even if we have not seen it end yet
                throw new StreamGoneException();
            }
            McpAuth.check(answered, config);
        }
    }

    private Response send(ObjectNode message) throws IOException {
        Request.Builder request = new Request.Builder().url(endpoint.getNow(null))
                .post(RequestBody.create(message.toString(), HttpTransport.JSON));
        return HttpTransport.HTTP.newCall(auth.sign(request, config).build()).execute();
    }

    private void read(Response response, HttpUrl base) {
        try (response; BufferedSource source = response.body().source()) {
            String event = "message";
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = source.readUtf8Line()) != null) {
                if (line.isEmpty()) {
                    dispatch(event, data.toString(), base);
                    event = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.length() == 0 ? "" : "\n").append(line.substring(5).stripLeading());
                }
            }
        } catch (IOException | RuntimeException e) {
            // the stream dropped: every waiting call fails below and the next call reconnects
        } finally {
            open = false;
            IOException ended = new IOException("the server's event stream ended");
            endpoint.completeExceptionally(ended);
            pending.values().forEach(answer -> answer.completeExceptionally(ended));
        }
    }

    private void dispatch(String event, String data, HttpUrl base) throws IOException {
        if ("endpoint".equals(event)) {
            HttpUrl post = base.resolve(data.strip());
            if (post != null) {
                endpoint.complete(post);
            }
        } else if ("message".equals(event) && !data.isBlank()) {
            JsonNode reply = EventJson.mapper().readTree(data);
            if (reply.has("id") && !reply.has("method")) {
                CompletableFuture<JsonNode> answer = pending.get(reply.get("id").asText());
                if (answer != null) {
                    answer.complete(reply);
                }
            }
        }
    }

    /** The request was not delivered because the session's stream is gone; connecting again is safe. */
    static final class StreamGoneException extends IOException {
        StreamGoneException() {
            super("the server's event stream ended");
        }
    }

    @Override
    public boolean alive() {
        return open;
    }

    @Override
    public void close() {
        open = false;
        if (stream != null) {
            stream.cancel();
        }
    }
}
