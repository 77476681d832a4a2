package dev.questbench.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.domain.event.EventJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Response;
import okio.BufferedSource;

/** Reads server-sent events off an open OkHttp response, frame by frame. */
final class SseClient implements AutoCloseable {
    /** One frame; {@code id} is null when the frame had none. */
    record Frame(String id, String event, String data) {
        JsonNode json() throws IOException {
            return EventJson.mapper().readTree(data);
        }
    }

    private final Response response;
    private final BufferedSource source;
    final List<String> comments = new ArrayList<>();

    SseClient(Response response) {
        this.response = response;
        if (response.code() != 200) {
            throw new AssertionError("stream refused: " + response.code());
        }
        this.source = response.body().source();
    }

    int code() {
        return response.code();
    }

    String header(String name) {
        return response.header(name);
    }

    /** The next frame, or null when the server closed the stream. */
    Frame next() throws IOException {
        String id = null;
        String event = null;
        StringBuilder data = new StringBuilder();
        while (true) {
            String line = source.readUtf8Line();
            if (line == null) {
                return null;
            }
            if (line.isEmpty()) {
                if (event != null || data.length() > 0) {
                    return new Frame(id, event, data.toString());
                }
                continue;
            }
            if (line.startsWith(":")) {
                comments.add(line.substring(1).strip());
            } else if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            }
        }
    }

    /** Frames up to and including the first of the given type. */
    List<Frame> until(String type) throws IOException {
        List<Frame> frames = new ArrayList<>();
        while (true) {
            Frame frame = next();
            if (frame == null) {
                throw new AssertionError("the stream ended before " + type + ": " + frames);
            }
            frames.add(frame);
            if (type.equals(frame.event())) {
                return frames;
            }
        }
    }

    @Override
    public void close() {
        response.close();
    }
}
