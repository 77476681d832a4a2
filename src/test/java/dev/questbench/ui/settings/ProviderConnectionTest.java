package dev.questbench.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.builtin.BuiltinAgent;
import dev.questbench.agent.builtin.ProviderEntry;
import dev.questbench.agent.builtin.ProviderRegistry;
import dev.questbench.llm.ProviderKind;
import dev.questbench.store.Store;
import dev.questbench.ui.common.TaskRunner;
import dev.questbench.ui.testing.AnsweringDialogs;
import dev.questbench.ui.testing.ManualTaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Test connection and List models on the Models page against a real HTTP server on loopback. */
@Timeout(20)
class ProviderConnectionTest {
    private static final String MODELS = "{\"data\":[{\"id\":\"m1\"},{\"id\":\"m2\"}]}";

    @StartStop
    private final MockWebServer server = new MockWebServer();
    @TempDir
    Path dir;
    private Store store;
    private final ManualTaskRunner tasks = new ManualTaskRunner();

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("data"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ModelsViewModel model(TaskRunner runner, Map<String, String> env) {
        BuiltinAgent agent = new BuiltinAgent(store, env, dir.resolve("home"), BuiltinAgent.Overrides.NONE);
        ModelsViewModel model = new ModelsViewModel(agent, store.secrets(), runner, new AnsweringDialogs(), env::get);
        model.load();
        return model;
    }

    private ModelsViewModel loaded(Map<String, String> env) {
        ModelsViewModel model = model(tasks, env);
        tasks.completeAll();
        return model;
    }

    private ProviderForm addServer(ModelsViewModel model, String chosenModel) {
        model.add();
        ProviderForm form = model.selectedProperty().get();
        form.baseUrlProperty().set(baseUrl());
        form.modelProperty().set(chosenModel);
        return form;
    }

    @Test
    void testConnectionRunsInTheBackgroundAndReportsTheModels() throws Exception {
        server.enqueue(json(200, MODELS));
        ModelsViewModel model = loaded(Map.of());
        ProviderForm form = addServer(model, "m2");
        form.newKeyProperty().set("sk-typed");

        model.testConnection();
        assertEquals(ProviderForm.Check.RUNNING, form.checkProperty().get());
        assertTrue(form.checkMessageProperty().get().startsWith("Testing " + baseUrl()));
        assertTrue(form.busyProperty().get());
        assertEquals(0, server.getRequestCount(), "nothing reaches the network on the calling (FX) thread");

        tasks.completeAll();
        assertEquals(ProviderForm.Check.OK, form.checkProperty().get());
        assertEquals("Connected to " + baseUrl() + ": 2 models; 'm2' is available", form.checkMessageProperty().get());
        assertEquals(List.of("m1", "m2"), form.models());
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("GET", request.getMethod());
        assertEquals("/v1/models", request.getUrl().encodedPath());
        assertEquals("Bearer sk-typed", request.getHeaders().get("Authorization"), "the key as typed, before Save");
    }

    @Test
    void aRejectedKeyIsAFailedCheckWithTheProvidersReason() throws Exception {
        server.enqueue(json(401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}"));
        ModelsViewModel model = loaded(Map.of());
        ProviderForm form = addServer(model, "m1");

        model.testConnection();
        tasks.completeAll();
        assertEquals(ProviderForm.Check.FAILED, form.checkProperty().get());
        String message = form.checkMessageProperty().get();
        assertTrue(message.contains("API key rejected") && message.contains("401"), message);
        assertTrue(message.contains("Incorrect API key provided"), message);
        assertTrue(form.models().isEmpty());
    }

    @Test
    void listModelsFillsTheChoicesUsingTheSavedKey() throws Exception {
        new ProviderRegistry(store.settings(), store.secrets(), Map.of()).save(List.of(new ProviderEntry("local",
                ProviderKind.OPENAI, baseUrl(), null, 0, Map.of("X-Team", "qb"), null)));
        store.secrets().put(ProviderRegistry.secretKey("local"), "sk-saved");
        server.enqueue(json(200, MODELS));
        ModelsViewModel model = loaded(Map.of());
        ProviderForm form = model.providers().get(0);

        model.listModels();
        tasks.completeAll();
        assertEquals(ProviderForm.Check.OK, form.checkProperty().get());
        assertEquals("2 models listed: pick the default model from the list.", form.checkMessageProperty().get());
        assertEquals(List.of("m1", "m2"), form.models());
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("Bearer sk-saved", request.getHeaders().get("Authorization"));
        assertEquals("qb", request.getHeaders().get("X-Team"));
    }

    @Test
    void aKeyCanComeFromAnEnvironmentVariable() throws Exception {
        server.enqueue(json(200, MODELS));
        ModelsViewModel model = loaded(Map.of("MY_PROVIDER_KEY", "sk-from-env"));
        ProviderForm form = addServer(model, "m1");
        form.apiKeyEnvProperty().set("MY_PROVIDER_KEY");

        model.testConnection();
        tasks.completeAll();
        assertEquals(ProviderForm.Check.OK, form.checkProperty().get(), form.checkMessageProperty().get());
        assertEquals("Bearer sk-from-env", server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization"));
    }

    @Test
    void anOlderCheckNeverOverwritesANewerOne() {
        server.enqueue(json(200, MODELS));
        server.enqueue(json(500, "{\"error\":{\"message\":\"overloaded\"}}"));
        ModelsViewModel model = loaded(Map.of());
        ProviderForm form = addServer(model, "m1");
        model.testConnection();
        form.baseUrlProperty().set(baseUrl() + "/"); // the user fixes something and checks again at once
        model.testConnection();
        assertEquals(2, tasks.waiting());

        tasks.complete(1); // the newer check answers first
        assertEquals(ProviderForm.Check.OK, form.checkProperty().get());
        tasks.complete(0);
        assertEquals(ProviderForm.Check.OK, form.checkProperty().get(), "the stale failure is dropped");
    }

    @Test
    void anInvalidBaseUrlIsReportedWithoutAnyRequest() {
        ModelsViewModel model = loaded(Map.of());
        model.add();
        ProviderForm form = model.selectedProperty().get();
        form.baseUrlProperty().set("localhost:11434");
        model.testConnection();
        assertEquals(0, tasks.waiting());
        assertEquals(ProviderForm.Check.FAILED, form.checkProperty().get());
        assertEquals("The base URL must start with http:// or https://.", form.checkMessageProperty().get());
    }

    private String baseUrl() {
        return server.url("/v1").toString().replaceAll("/$", "");
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }
}
