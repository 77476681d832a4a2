package dev.questbench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.questbench.domain.event.EventJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One request as the handlers see it: path parameters, query, a size-limited JSON body, JSON and error replies. */
public final class ApiExchange {
    /** The largest request body accepted, as on the Cloud Agents service. */
    public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    static final ObjectMapper JSON = EventJson.mapper();

    private final HttpExchange exchange;
    private final String requestId;
    private final Map<String, String> query;
    private List<String> pathParams = List.of();

    ApiExchange(HttpExchange exchange) {
        this.exchange = exchange;
        String given = exchange.getRequestHeaders().getFirst("x-request-id");
        this.requestId = given != null && !given.isBlank() && given.length() <= 200 ? given
                : UUID.randomUUID().toString();
        this.query = parseQuery(exchange.getRequestURI().getRawQuery());
        exchange.getResponseHeaders().set("x-request-id", requestId);
    }

    public String requestId() {
        return requestId;
    }

    public String method() {
        return exchange.getRequestMethod();
    }

    public String path() {
        return exchange.getRequestURI().getPath();
    }

    public String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** The {@code index}th {@code {param}} of the matched route. */
    public String param(int index) {
        return pathParams.get(index);
    }

    void pathParams(List<String> values) {
        pathParams = List.copyOf(values);
    }

    public String query(String name) {
        return query.get(name);
    }

    public Map<String, String> queryMap() {
        return query;
    }

    /** The body as a JSON object (an empty body is {}); 413 over the limit, 400 when it is not JSON. */
    public ObjectNode jsonBody() {
        byte[] bytes = body();
        if (bytes.length == 0) {
            return JSON.createObjectNode();
        }
        JsonNode node;
        try {
            node = JSON.readTree(bytes);
        } catch (IOException e) {
            throw ApiException.invalid("Request body must be valid JSON.");
        }
        if (!(node instanceof ObjectNode object)) {
            throw ApiException.invalid("Request body must be a JSON object.");
        }
        return object;
    }

    byte[] body() {
        String declared = header("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > MAX_BODY_BYTES) {
                    throw tooLarge();
                }
            } catch (NumberFormatException ignored) {
                // read it and count instead
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                if (out.size() > MAX_BODY_BYTES) {
                    throw tooLarge();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw ApiException.invalid("The request body could not be read: " + e.getMessage());
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "invalid_request_error", "Request body is larger than 4 MB.", null);
    }

    public void json(int status, JsonNode body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the response", e);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(status, bytes);
    }

    /** The Cloud Agents error envelope ({@code /webhook} routes: the Qodo {@code {"error":…}} shape). */
    public void error(ApiException error) {
        if (path().startsWith("/webhook/")) { // the Qodo webhook shape
            json(error.status(), JSON.createObjectNode().put("error", error.getMessage()));
            return;
        }
        ObjectNode body = JSON.createObjectNode().put("type", "error").put("request_id", requestId);
        ObjectNode detail = body.putObject("error").put("type", error.type()).put("message", error.getMessage());
        if (error.param() != null) {
            detail.put("param", error.param());
        }
        json(error.status(), body);
    }

    /** Starts a streamed (chunked) response; the caller writes and flushes the returned stream. */
    public OutputStream startStream(String contentType) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    public void setHeader(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
    }

    void send(int status, byte[] bytes) {
        try {
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            // the client went away; nothing to tell it
        } finally {
            exchange.close();
        }
    }

    void close() {
        exchange.close();
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            values.putIfAbsent(key, value);
        }
        return values;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
