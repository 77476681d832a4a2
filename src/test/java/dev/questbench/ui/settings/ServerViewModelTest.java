package dev.questbench.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.builtin.BuiltinAgent;
import dev.questbench.engine.Notifier;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.server.LocalServer;
import dev.questbench.server.ServerOptions;
import dev.questbench.server.ServerToken;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DirectTaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings → Server against a real server on loopback: start, reach it with the shown token, rotate, stop. */
class ServerViewModelTest {
    @TempDir
    Path dir;

    private static int health(String apiUrl, String token) throws Exception {
        OkHttpClient http = new OkHttpClient();
        try (Response response = http.newCall(new Request.Builder().url(apiUrl.replace("/api/v1/cloud", "/health"))
                .header("Authorization", "Bearer " + token).build()).execute()) {
            return response.code();
        } finally {
            http.connectionPool().evictAll();
        }
    }

    @Test
    void startsShowsTheUrlAndTokenRotatesAndStops() throws Exception {
        try (Store store = Store.open(dir.resolve("data"))) {
            BuiltinAgent agent = new BuiltinAgent(store, Map.of(), dir, BuiltinAgent.Overrides.NONE);
            try (QuestExecutor executor = new QuestExecutor(store, List.of(agent.backend()), Notifier.NONE);
                 LocalServer server = new LocalServer(store, executor, agent, ServerOptions.defaults().withPort(0))) {
                ServerViewModel model = new ServerViewModel(server, new DirectTaskRunner());
                model.load();
                assertFalse(model.runningProperty().get());
                assertEquals(ServerViewModel.STOPPED, model.statusProperty().get());
                String token = model.tokenProperty().get();
                assertTrue(token.startsWith("pt-"));
                assertEquals(token, store.secrets().get(ServerToken.SECRET_KEY).orElseThrow(),
                        "the token is kept in the owner-only secrets file");

                model.start();
                assertTrue(model.runningProperty().get());
                String url = model.baseUrlProperty().get();
                assertTrue(url.startsWith("http://127.0.0.1:") && url.endsWith("/api/v1/cloud"), url);
                assertTrue(model.statusProperty().get().startsWith("Running at " + url));
                assertEquals(200, health(url, token));

                model.rotate();
                String rotated = model.tokenProperty().get();
                assertNotEquals(token, rotated);
                assertEquals(401, health(url, token), "the old token stops working at once");
                assertEquals(200, health(url, rotated));

                model.stop();
                assertFalse(model.runningProperty().get());
                assertEquals("", model.baseUrlProperty().get());
                assertEquals(rotated, model.tokenProperty().get(), "the token survives a stop");
            }
        }
    }
}
