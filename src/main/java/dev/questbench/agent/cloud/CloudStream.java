package dev.questbench.agent.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.llm.ModelException;
import dev.questbench.llm.SseReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import okhttp3.Call;
import okhttp3.Response;

/**
 * A session's events, in order and each once: the SSE stream resumed with {@code Last-Event-ID} after a drop or
 * a silent spell (the read timeout is the idle watchdog), then with {@code ?after_id=} when the header is refused,
 * and polling {@code GET /events} when streaming keeps failing. Heartbeats (comments, or {@code heartbeat} events
 * without an id) are never taken as resume anchors.
 */
final class CloudStream implements AutoCloseable {
    static final int FAILURES_BEFORE_POLLING = 3;

    private final CloudApi api;
    private final String sessionId;
    private final long pollMillis;
    private final Deque<JsonNode> ready = new ArrayDeque<>();
    private final Set<String> seen = new HashSet<>();
    private String lastId;
    private boolean anchorInQuery;
    private boolean polling;
    private int failures;
    private volatile Call call;
    private volatile boolean closed;
    private Response response;
    private SseReader reader;

    /** Thrown by {@link #next} once {@link #close} was called. */
    static final class Closed extends Exception {
        private static final long serialVersionUID = 1L;
    }

    CloudStream(CloudApi api, String sessionId, long pollMillis) {
        this.api = api;
        this.sessionId = sessionId;
        this.pollMillis = pollMillis;
    }

    /** Starts after this event (e.g. the user message just sent) when nothing was read yet. */
    void startAfter(String eventId) {
        if (lastId == null && eventId != null) {
            lastId = eventId;
            seen.add(eventId);
        }
    }

    String lastId() {
        return lastId;
    }

    /** The next event not seen before; blocks, reconnecting or polling as needed. */
    JsonNode next() throws CloudException, Closed {
        while (true) {
            if (closed) {
                throw new Closed();
            }
            if (!ready.isEmpty()) {
                return ready.removeFirst();
            }
            if (polling) {
                poll();
                continue;
            }
            try {
                if (reader == null) {
                    connect();
                    continue;
                }
                if (!reader.next(this::accept)) {
                    drop(); // the server closed the stream: resume where it stopped
                }
            } catch (IOException e) {
                drop();
                if (closed) {
                    throw new Closed();
                }
                if (++failures >= FAILURES_BEFORE_POLLING) {
                    polling = true;
                }
            } catch (ModelException e) {
                throw new IllegalStateException("the handler never throws", e);
            }
        }
    }

    private void connect() throws IOException, CloudException {
        Call opened = api.stream(sessionId, lastId, anchorInQuery);
        call = opened;
        Response answer = opened.execute();
        if (answer.isSuccessful()) {
            response = answer;
            reader = new SseReader(answer.body().source());
            return;
        }
        JsonNode body = CloudApi.read(answer.body());
        answer.close();
        if (answer.code() == 400 && lastId != null && !anchorInQuery) {
            anchorInQuery = true; // the header was refused: try the query form
        } else if (answer.code() == 400 || answer.code() == 404 || answer.code() == 405 || answer.code() >= 500) {
            polling = true; // the anchor or the stream is refused: the list endpoint still works
        } else {
            throw CloudException.of(answer.code(), body, answer.header("x-request-id"), "Streaming the session");
        }
    }

    private void poll() throws CloudException, Closed {
        String path = "sessions/" + sessionId + "/events?order=asc&limit=100"
                + (lastId == null ? "" : "&after_id=" + lastId);
        JsonNode page = api.get(path);
        for (JsonNode event : page.path("data")) {
            accept(event.path("type").asText(), event.toString(), event.path("id").asText(null));
        }
        if (ready.isEmpty()) {
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Closed();
            }
        }
    }

    private void accept(String event, String data) {
        accept(event, data, reader.eventId());
    }

    private void accept(String event, String data, String sseId) {
        if ("heartbeat".equals(event)) {
            return;
        }
        JsonNode json;
        try {
            json = CloudApi.JSON.readTree(data);
        } catch (IOException e) {
            return; // not an event we can read
        }
        String id = json.hasNonNull("id") ? json.get("id").asText() : sseId;
        if (id == null || !seen.add(id) || !json.isObject()) {
            return;
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("id", id); // the SSE id when the data has none
        failures = 0;
        lastId = id;
        ready.addLast(json);
    }

    private void drop() {
        Response open = response;
        response = null;
        reader = null;
        if (open != null) {
            open.close();
        }
    }

    /** Stops reading now, from any thread. */
    @Override
    public void close() {
        closed = true;
        Call open = call;
        if (open != null) {
            open.cancel();
        }
    }
}
