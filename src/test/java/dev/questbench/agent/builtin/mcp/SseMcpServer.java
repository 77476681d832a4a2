package dev.questbench.agent.builtin.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.questbench.domain.event.EventJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A legacy HTTP+SSE MCP server (protocol 2024-11-05) on loopback for tests: {@code GET /sse} opens a stream that
 * first names {@code /messages?session=N}; POSTs there are answered 202 and their answers go out on the stream.
 * Offers the tool {@code echo} and one text resource; {@link #dropStreams()} cuts every open stream and
 * {@link #forgetSessions()} answers later POSTs of the open ones 404.
 */
public final class SseMcpServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, HttpExchange> streams = new ConcurrentHashMap<>();
    private final List<HttpExchange> forgotten = new CopyOnWriteArrayList<>();
    private final AtomicInteger sessions = new AtomicInteger();
    private final AtomicInteger initializes = new AtomicInteger();

    public SseMcpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/sse", this::open);
        server.createContext("/messages", this::message);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sse";
    }

    /** How many times a client initialized (once per stream). */
    public int initializes() {
        return initializes.get();
    }

    public void dropStreams() {
        streams.values().forEach(HttpExchange::close);
        streams.clear();
    }

    /** Forgets the sessions but leaves their streams open, as a restarted server behind a proxy would: 404s. */
    public void forgetSessions() {
        forgotten.addAll(streams.values());
        streams.clear();
    }

    private void open(HttpExchange exchange) throws IOException {
        String session = String.valueOf(sessions.incrementAndGet());
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        streams.put(session, exchange);
        send(exchange, "endpoint", "/messages?session=" + session);
    }

    private void message(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(405, -1);
            exchange.close();
            return;
        }
        String query = exchange.getRequestURI().getQuery();
        HttpExchange stream = streams.get(query == null ? "" : query.replace("session=", ""));
        JsonNode request = EventJson.mapper().readTree(exchange.getRequestBody());
        exchange.sendResponseHeaders(stream == null ? 404 : 202, -1);
        exchange.close();
        if (stream == null || !request.has("id")) {
            return;
        }
        ObjectNode reply = EventJson.mapper().createObjectNode().put("jsonrpc", "2.0");
        reply.set("id", request.get("id"));
        reply.set("result", EventJson.mapper().readTree(answer(request)));
        send(stream, "message", reply.toString());
    }

    private String answer(JsonNode request) {
        return switch (request.path("method").asText()) {
            case "initialize" -> {
                initializes.incrementAndGet();
                yield "{\"protocolVersion\":\"2024-11-05\",\"capabilities\":{\"tools\":{},\"resources\":{}}}";
            }
            case "tools/list" -> "{\"tools\":[{\"name\":\"echo\",\"inputSchema\":{\"type\":\"object\"}}]}";
            case "tools/call" -> "{\"content\":[{\"type\":\"text\",\"text\":\"sse: "
                    + request.path("params").path("arguments").path("text").asText() + "\"}]}";
            case "resources/list" -> "{\"resources\":[{\"uri\":\"notes://today\",\"name\":\"Today\"}]}";
            case "resources/read" -> "{\"contents\":[{\"uri\":\"notes://today\",\"text\":\"Ship it.\"}]}";
            default -> "{}";
        };
    }

    private static synchronized void send(HttpExchange stream, String event, String data) throws IOException {
        OutputStream out = stream.getResponseBody();
        out.write(("event: " + event + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        dropStreams();
        forgotten.forEach(HttpExchange::close);
        server.stop(0);
        threads.shutdownNow();
    }
}
