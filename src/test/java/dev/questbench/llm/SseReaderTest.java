package dev.questbench.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** The SSE line parser: fields, dispatch on blank lines, comments, line endings and lenient endings. */
class SseReaderTest {

    @Test
    void dispatchesNamedEventsAndJoinsMultiLineData() throws Exception {
        List<String> events = readAll("event: message_start\ndata: {\"a\":1}\n\n"
                + ": keep-alive\n\n"
                + "data: first\ndata: second\nid: 7\nretry: 1000\n\n"
                + "data:no-space\n\n");

        assertEquals(List.of("message_start|{\"a\":1}", "message|first\nsecond", "message|no-space"), events);
    }

    @Test
    void acceptsCrLfLinesAndALastEventWithoutABlankLine() throws Exception {
        List<String> events = readAll("data: one\r\n\r\n\r\ndata: [DONE]");

        assertEquals(List.of("message|one", "message|[DONE]"), events);
    }

    @Test
    void anEventNameWithoutDataIsForgottenAtTheBlankLine() throws Exception {
        List<String> events = readAll("event: ping\n\ndata: x\n\n");

        assertEquals(List.of("message|x"), events);
    }

    @Test
    void readsLlamaCppErrorFieldsAsErrorEvents() throws Exception {
        List<String> events = readAll("error: {\"code\":500,\"message\":\"failed\"}\n\n");

        assertEquals(List.of("error|{\"code\":500,\"message\":\"failed\"}"), events);
    }

    private static List<String> readAll(String body) throws Exception {
        SseReader reader = new SseReader(new Buffer().writeUtf8(body));
        List<String> events = new ArrayList<>();
        while (reader.next((event, data) -> events.add(event + "|" + data))) {
            // collects every event
        }
        return events;
    }
}
