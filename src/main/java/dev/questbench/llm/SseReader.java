package dev.questbench.llm;

import java.io.IOException;
import okio.BufferedSource;

/**
 * Reads Server-Sent Events from a response body: {@code event:} and {@code data:} lines, dispatched on a blank
 * line; comment lines ({@code : keep-alive}) and {@code id:}/{@code retry:} are ignored.
 */
final class SseReader {

    /** Receives one dispatched event; {@code event} is "message" when the server named none. */
    interface Handler {
        void onEvent(String event, String data) throws ModelException;
    }

    private final BufferedSource source;

    SseReader(BufferedSource source) {
        this.source = source;
    }

    /** Reads up to the next event and hands it to the handler; false once the body has ended. */
    boolean next(Handler handler) throws IOException, ModelException {
        String event = null;
        StringBuilder data = null;
        String line;
        while ((line = source.readUtf8Line()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    handler.onEvent(event == null ? "message" : event, data.toString());
                    return true;
                }
                event = null;
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "event" -> event = value;
                case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                // llama.cpp server reports failures as a non-standard "error:" field.
                case "error" -> {
                    event = "error";
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                }
                default -> {
                }
            }
        }
        // Lenient: a server that closes right after its last data line still gets that event dispatched.
        if (data != null) {
            handler.onEvent(event == null ? "message" : event, data.toString());
            return true;
        }
        return false;
    }
}
