package dev.questbench.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Server-sent events framing on a chunked response: {@code id:}, {@code event:}, one-line {@code data:}. */
final class SseOutput {
    private final OutputStream out;
    private final StringBuilder pending = new StringBuilder();

    SseOutput(OutputStream out) {
        this.out = out;
    }

    /** Queues one event; {@code id} may be null (no resume anchor). Call {@link #flush()} to send. */
    void event(String id, String name, String data) {
        if (id != null) {
            pending.append("id: ").append(id).append('\n');
        }
        pending.append("event: ").append(name).append('\n');
        pending.append("data: ").append(data).append("\n\n"); // compact JSON has no raw line breaks
    }

    void comment(String text) {
        pending.append(": ").append(text).append("\n\n");
    }

    void flush() throws IOException {
        if (pending.length() > 0) {
            out.write(pending.toString().getBytes(StandardCharsets.UTF_8));
            pending.setLength(0);
        }
        out.flush();
    }

    void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // the client is gone already
        }
    }
}
