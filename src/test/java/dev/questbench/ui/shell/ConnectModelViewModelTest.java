package dev.questbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.builtin.BuiltinAgent;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DirectTaskRunner;
import dev.questbench.ui.shell.ConnectModelViewModel.State;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first-run card's check against a real Ollama-shaped server on loopback, a dead port, and an API key. */
class ConnectModelViewModelTest {
    @TempDir
    Path dir;
    @StartStop
    private final MockWebServer ollama = new MockWebServer();
    private Store store;
    private BuiltinAgent agent;

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("data"));
        agent = new BuiltinAgent(store, Map.of(), dir.resolve("home"), null);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aRunningOllamaIsOfferedAndOneClickMakesItTheDefault() {
        ollama.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"object\":\"list\",\"data\":[{\"id\":\"qwen2.5-coder:7b\"},{\"id\":\"llama3.1\"}]}").build());
        String host = ollama.url("/").toString();
        ConnectModelViewModel card = new ConnectModelViewModel(agent, Map.of("OLLAMA_HOST", host),
                new DirectTaskRunner());
        card.check();
        assertEquals(State.OLLAMA_FOUND, card.stateProperty().get(), card.messageProperty().get());
        assertEquals(List.of("qwen2.5-coder:7b", "llama3.1"), List.copyOf(card.ollamaModels()));

        card.useOllama("llama3.1");
        assertEquals(State.CONNECTED, card.stateProperty().get(), card.messageProperty().get());
        assertEquals("llama3.1", agent.providers().resolve(null).config().model());
        assertEquals("ollama", agent.providers().defaultName().orElseThrow());

        card.check();
        assertEquals(State.CONNECTED, card.stateProperty().get(), "a saved provider counts as connected");
    }

    @Test
    void withNothingRunningTheCardSaysHowToStartOllama() throws Exception {
        int dead;
        try (ServerSocket socket = new ServerSocket(0)) {
            dead = socket.getLocalPort();
        }
        ConnectModelViewModel card = new ConnectModelViewModel(agent, Map.of("OLLAMA_HOST", "127.0.0.1:" + dead),
                new DirectTaskRunner());
        card.check();
        assertEquals(State.NOTHING_FOUND, card.stateProperty().get());
        assertTrue(card.messageProperty().get().contains("ollama serve"), card.messageProperty().get());
    }

    @Test
    void anApiKeyInTheEnvironmentIsAlreadyAConnection() {
        ConnectModelViewModel card = new ConnectModelViewModel(agent, Map.of("ANTHROPIC_API_KEY", "sk-test"),
                new DirectTaskRunner());
        card.check();
        assertEquals(State.CONNECTED, card.stateProperty().get(), card.messageProperty().get());
        assertTrue(card.messageProperty().get().contains("anthropic"), card.messageProperty().get());
        assertEquals(0, ollama.getRequestCount(), "nothing probed");
    }
}
