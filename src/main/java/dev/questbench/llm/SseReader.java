package dev.questbench.llm;

import java.io.IOException;
import okio.BufferedSource;

/**
 * Reads Server-Sent Events from a response body: {@code event:}, {@code data:} and {@code id:} lines, dispatched
 * on a blank line; comment lines ({@code : keep-alive}) and {@code retry:} are ignored. Shared by the model
 * clients and the remote agent clients (Cloud Agents, webhook agents).
 */
public final class SseReader {

    /** Receives one dispatched event; {@code event} is "message" when the server named none. */
    public interface Handler {
        void onEvent(String event, String data) throws ModelException;
    }

    private final BufferedSource source;
    private String eventId;

    public SseReader(BufferedSource source) {
        this.source = source;
    }

    /** The {@code id:} of the event last dispatched, or null when it had none (e.g. a heartbeat event). */
    public String eventId() {
        return eventId;
    }

    /** Reads up to the next event and hands it to the handler; false once the body has ended. */
    public boolean next(Handler handler) throws IOException, ModelException {
        String id = null;
        String event = null;
        StringBuilder data = null;
        String line;
        while ((line = source.readUtf8Line()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    eventId = id;
                    handler.onEvent(event == null ? "message" : event, data.toString());
                    return true;
                }
                event = null;
                id = null;
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
                case "id" -> id = value;
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
            eventId = id;
            handler.onEvent(event == null ? "message" : event, data.toString());
            return true;
        }
        return false;
    }
}
