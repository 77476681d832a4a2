package dev.questbench.agent.builtin.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.domain.event.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * An MCP server over Streamable HTTP: each message is a POST; the answer is JSON or an SSE stream holding it.
 * The {@code Mcp-Session-Id} the server hands out on initialize is sent back on every later request.
 */
final class HttpTransport implements McpTransport {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final McpServerConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private volatile String session;

    HttpTransport(McpServerConfig config) {
        this.config = config;
    }

    @Override
    public JsonNode request(ObjectNode message) throws IOException {
        HttpResponse<String> response = post(message);
        if (response.statusCode() / 100 != 2) {
            throw new IOException("HTTP " + response.statusCode() + (response.statusCode() == 401
                    ? " (the server needs authorization: add a header in the server's entry)" : ""));
        }
        response.headers().firstValue("Mcp-Session-Id").ifPresent(id -> session = id);
        String type = response.headers().firstValue("Content-Type").orElse("");
        String id = message.get("id").asText();
        if (type.startsWith("text/event-stream")) {
            for (String line : response.body().split("\n")) {
                if (line.startsWith("data:")) {
                    JsonNode reply = EventJson.mapper().readTree(line.substring(5).strip());
                    if (reply.has("id") && reply.get("id").asText().equals(id)) {
                        return reply;
                    }
                }
            }
            throw new IOException("the server's event stream ended without an answer");
        }
        return EventJson.mapper().readTree(response.body());
    }

    @Override
    public void notify(ObjectNode message) throws IOException {
        post(message);
    }

    private HttpResponse<String> post(ObjectNode message) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.url())).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(message.toString()));
        config.headers().forEach(request::header);
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
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
