package dev.questbench.agent.acp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * JSON-RPC 2.0 over a pair of streams, one message per line (ACP's stdio transport). Request ids are per
 * direction: ours are numbers we count, the peer's are echoed back as they came, so the two never mix. Incoming
 * requests are answered on a small pool so a slow handler (a permission waiting for the user) never blocks the
 * reader.
 */
public final class JsonRpcConnection implements AutoCloseable {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(JsonRpcConnection.class.getName());

    /** What the peer asks of us and tells us. */
    public interface Handler {
        /** Answers a request; throw {@link RpcError} to answer with an error. */
        JsonNode request(String method, JsonNode params) throws RpcError;

        void notification(String method, JsonNode params);

        /** The peer's output ended (it exited or closed stdout). */
        void closed();
    }

    private final BufferedReader in;
    private final OutputStream out;
    private final Handler handler;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final ExecutorService answering;
    private final Thread reader;
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile boolean closed;

    public JsonRpcConnection(InputStream in, OutputStream out, Handler handler, String name) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = out;
        this.handler = handler;
        this.answering = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, name + "-answer");
            thread.setDaemon(true);
            return thread;
        });
        this.reader = new Thread(this::readLoop, name + "-reader");
        reader.setDaemon(true);
    }

    /** Starts reading; call once, after wiring everything the handler needs. */
    public void start() {
        reader.start();
    }

    /** Sends a request; the future completes with its result or fails with {@link RpcError}. */
    public CompletableFuture<JsonNode> request(String method, JsonNode params) {
        long id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        if (closed) {
            answer.completeExceptionally(new RpcError(RpcError.CLOSED, "the agent's connection is closed"));
            return answer;
        }
        pending.put(id, answer);
        ObjectNode message = MAPPER.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
        message.set("params", params);
        if (!write(message)) {
            pending.remove(id);
            answer.completeExceptionally(new RpcError(RpcError.CLOSED, "the agent's input is closed"));
        }
        return answer;
    }

    public void notify(String method, JsonNode params) {
        ObjectNode message = MAPPER.createObjectNode().put("jsonrpc", "2.0").put("method", method);
        message.set("params", params);
        write(message);
    }

    /** When the peer last sent anything, for hang detection. */
    public long lastActivityNanos() {
        return lastActivityNanos;
    }

    public boolean isClosed() {
        return closed;
    }

    private synchronized boolean write(ObjectNode message) {
        try {
            out.write(MAPPER.writeValueAsBytes(message)); // Jackson escapes newlines inside strings: one line
            out.write('\n');
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void readLoop() {
        try {
            String line;
            while ((line = in.readLine()) != null) {
                lastActivityNanos = System.nanoTime();
                if (!line.isBlank()) {
                    dispatch(line);
                }
            }
        } catch (IOException e) {
            // the process ended or we closed the stream: handled below
        } finally {
            shutDown();
            handler.closed();
        }
    }

    private void dispatch(String line) {
        JsonNode message;
        try {
            message = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            LOG.fine(() -> "ignoring a line that is not JSON-RPC: " + line);
            return;
        }
        if (!message.isObject()) {
            return;
        }
        JsonNode id = message.get("id");
        String method = message.path("method").asText(null);
        if (method == null && id != null) {
            answered(id, message);
        } else if (method != null && id != null && !id.isNull()) {
            answering.execute(() -> answer(id, method, message.get("params")));
        } else if (method != null) {
            try {
                handler.notification(method, message.get("params"));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "handling " + method + " failed", e);
            }
        }
    }

    private void answered(JsonNode id, JsonNode message) {
        long number = id.canConvertToLong() ? id.asLong() : id.isTextual() && id.asText().matches("\\d{1,18}")
                ? Long.parseLong(id.asText()) : -1;
        CompletableFuture<JsonNode> waiting = pending.remove(number);
        if (waiting == null) {
            return; // an answer to nothing we asked: ignore
        }
        JsonNode error = message.get("error");
        if (error != null && !error.isNull()) {
            waiting.completeExceptionally(new RpcError(error.path("code").asInt(RpcError.INTERNAL),
                    error.path("message").asText("error"), error.get("data")));
        } else {
            JsonNode result = message.get("result");
            waiting.complete(result == null ? NullNode.getInstance() : result);
        }
    }

    private void answer(JsonNode id, String method, JsonNode params) {
        ObjectNode reply = MAPPER.createObjectNode().put("jsonrpc", "2.0");
        reply.set("id", id);
        try {
            JsonNode result = handler.request(method, params);
            reply.set("result", result == null ? NullNode.getInstance() : result);
        } catch (RpcError e) {
            ObjectNode error = reply.putObject("error").put("code", e.code()).put("message", e.getMessage());
            if (e.data() != null) {
                error.set("data", e.data());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "answering " + method + " failed", e);
            reply.putObject("error").put("code", RpcError.INTERNAL).put("message", String.valueOf(e.getMessage()));
        }
        write(reply);
    }

    private void shutDown() {
        closed = true;
        RpcError gone = new RpcError(RpcError.CLOSED, "the agent's connection closed");
        pending.values().forEach(future -> future.completeExceptionally(gone));
        pending.clear();
        answering.shutdownNow();
    }

    @Override
    public void close() {
        shutDown();
        try {
            out.close();
        } catch (IOException ignored) {
            // already gone
        }
        // The reader is not closed here: closing it would wait for the blocked readLine; the process's end stops it.
    }
}
