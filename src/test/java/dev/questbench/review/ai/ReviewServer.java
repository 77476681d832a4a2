package dev.questbench.review.ai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.llm.ModelClient;
import dev.questbench.llm.ModelClients;
import dev.questbench.llm.ProviderConfig;
import dev.questbench.llm.ProviderKind;
import dev.questbench.workspace.diff.DiffParser;
import dev.questbench.workspace.diff.FileDiff;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Fixtures for reviewing against an OpenAI-compatible server on loopback: SSE answers, a client, a small diff. */
final class ReviewServer {
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** App.java new side: 1 {@code class App}, 2 {@code int x = 1;}, 3 {@code String name = null;}, 4 {@code }}. */
    static final String DIFF = """
            diff --git a/src/main/java/App.java b/src/main/java/App.java
            index 1111111..2222222 100644
            --- a/src/main/java/App.java
            +++ b/src/main/java/App.java
            @@ -1,3 +1,4 @@
             class App {
            -    int x;
            +    int x = 1;
            +    String name = null;
             }
            diff --git a/src/main/java/Util.java b/src/main/java/Util.java
            new file mode 100644
            index 0000000..3333333
            --- /dev/null
            +++ b/src/main/java/Util.java
            @@ -0,0 +1,2 @@
            +class Util {
            +}
            """;

    private ReviewServer() {
    }

    static List<FileDiff> files() {
        return DiffParser.parse(DIFF);
    }

    static ModelClient client(MockWebServer server, int contextWindow) {
        String base = server.url("/v1").toString();
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return ModelClients.create(new ProviderConfig("mock", ProviderKind.OPENAI, base, null, "m", contextWindow,
                Map.of()));
    }

    /** An OpenAI stream that delivers {@code text} in two deltas, then stops. */
    static MockResponse answer(String text) {
        int half = text.length() / 2;
        String body = chunk(text.substring(0, half)) + chunk(text.substring(half))
                + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream; charset=utf-8").body(body)
                .build();
    }

    static MockResponse error(int code, String message) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\"}}").build();
    }

    private static String chunk(String content) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.putObject("delta").put("content", content);
        return "data: " + root + "\n\n";
    }
}
