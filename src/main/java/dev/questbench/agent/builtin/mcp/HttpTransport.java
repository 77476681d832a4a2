package dev.questbench.agent.builtin.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.domain.event.EventJson;
import java.io.IOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * An MCP server over Streamable HTTP: each message is a POST; the answer is JSON or an SSE stream holding it.
 * The {@code Mcp-Session-Id} the server hands out on initialize is sent back on every later request. A 401 is
 * answered by refreshing the OAuth token once.
 */
final class HttpTransport implements McpTransport {
    static final MediaType JSON = MediaType.get("application/json");
    static final OkHttpClient HTTP = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(60)).build();
    private final McpServerConfig config;
    private final McpAuth auth;
    private volatile String session;

    HttpTransport(McpServerConfig config, McpAuth auth) {
        this.config = config;
        this.auth = auth;
    }

    @Override
    public JsonNode request(ObjectNode message) throws IOException {
        try (Response response = post(message)) {
            String id = response.header("Mcp-Session-Id");
            if (id != null) {
                session = id;
            }
            String type = response.header("Content-Type", "");
            String body = response.body() == null ? "" : response.body().string();
            String wanted = message.get("id").asText();
            if (type.startsWith("text/event-stream")) {
                for (String line : body.split("\n")) {
                    if (line.startsWith("data:")) {
                        JsonNode reply = EventJson.mapper().readTree(line.substring(5).strip());
                        if (reply.has("id") && reply.get("id").asText().equals(wanted)) {
                            return reply;
                        }
                    }
                }
                throw new IOException("the server's event stream ended without an answer");
            }
            return EventJson.mapper().readTree(body);
        }
    }

    @Override
    public void notify(ObjectNode message) throws IOException {
        post(message).close();
    }

    private Response post(ObjectNode message) throws IOException {
        Response response = send(message);
        if (response.code() == 401 && auth.refresh()) {
            response.close();
            response = send(message);
        }
        McpAuth.check(response, config);
        return response;
    }

    private Response send(ObjectNode message) throws IOException {
        Request.Builder request = new Request.Builder().url(config.url())
                .header("Accept", "application/json, text/event-stream")
                .post(RequestBody.create(message.toString(), JSON));
        auth.sign(request, config);
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return HTTP.newCall(request.build()).execute();
    }

    @Override
    public boolean alive() {
        return true;
    }

    @Override
    public void close() {
        // nothing held open between requests
    }
}
