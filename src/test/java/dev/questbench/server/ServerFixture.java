package dev.questbench.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.agent.builtin.BuiltinAgent;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.event.EventJson;
import dev.questbench.engine.Notifier;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The server for real: a store in a temp folder, the executor with the built-in agent, a MockWebServer on loopback
 * as the model, and a plain OkHttp client that knows the token.
 */
final class ServerFixture implements AutoCloseable {
    static final String TOKEN = "pt-test-token";
    static final MediaType JSON = MediaType.get("application/json");

    final Path root;
    final Path workspace;
    final MockWebServer model = new MockWebServer();
    final Store store;
    final QuestExecutor executor;
    final BuiltinAgent agent;
    final ServerApi server;
    final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();

    ServerFixture(Path root, PermissionMode mode, Duration heartbeat) throws IOException {
        this.root = root;
        this.workspace = Files.createDirectories(root.resolve("workspace"));
        Path home = Files.createDirectories(root.resolve("home"));
        model.start();
        store = Store.open(root.resolve("data"));
        agent = new BuiltinAgent(store, Map.of(), home, new BuiltinAgent.Overrides(null,
                model.url("/v1").toString().replaceAll("/$", ""), "test-model"));
        executor = new QuestExecutor(store, List.of(agent.backend()), Notifier.NONE);
        executor.start();
        server = ServerApi.start(store, executor, agent, new ServerOptions("127.0.0.1", 0, TOKEN, mode,
                "test-model", heartbeat));
    }

    String url(String path) {
        return server.baseUrl() + (path.startsWith("/webhook") || path.startsWith("/health") ? "" : ServerApi.BASE)
                + path;
    }

    Request.Builder request(String path) {
        return new Request.Builder().url(url(path)).header("Authorization", "Bearer " + TOKEN);
    }

    Response call(Request request) throws IOException {
        return http.newCall(request).execute();
    }

    /** Sends and reads a JSON reply; fails unless the status is the expected one. */
    JsonNode json(Request request, int expectedStatus) throws IOException {
        try (Response response = call(request)) {
            String body = response.body().string();
            if (response.code() != expectedStatus) {
                throw new AssertionError("expected " + expectedStatus + " but got " + response.code() + ": " + body);
            }
            return EventJson.mapper().readTree(body);
        }
    }

    JsonNode get(String path) throws IOException {
        return json(request(path).get().build(), 200);
    }

    JsonNode post(String path, String body) throws IOException {
        return json(request(path).post(RequestBody.create(body, JSON)).build(), 200);
    }

    /** Creates a session working in the fixture's workspace folder. */
    String createSession() throws IOException {
        return post("/sessions", "{\"agent\":\"agent_builtin\",\"environment_id\":\"env_local\","
                + "\"metadata\":{\"workspace\":" + EventJson.mapper().writeValueAsString(workspace.toString()) + "}}")
                .path("id").asText();
    }

    JsonNode sendText(String session, String text) throws IOException {
        return post("/sessions/" + session + "/events", "{\"events\":[{\"type\":\"user.message\",\"content\":[{"
                + "\"type\":\"text\",\"text\":" + EventJson.mapper().writeValueAsString(text) + "}]}]}");
    }

    SseClient stream(String path, String lastEventId) throws IOException {
        Request.Builder builder = request(path).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            builder.header("Last-Event-ID", lastEventId);
        }
        return new SseClient(call(builder.build()));
    }

    @Override
    public void close() throws IOException {
        server.close();
        executor.close();
        store.close();
        model.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
