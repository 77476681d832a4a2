package dev.questbench.ui.shell;

import dev.questbench.agent.builtin.BuiltinAgent;
import dev.questbench.agent.builtin.ProviderEntry;
import dev.questbench.llm.ModelClients;
import dev.questbench.llm.ProviderConfig;
import dev.questbench.llm.ProviderKind;
import dev.questbench.llm.Providers;
import dev.questbench.llm.RetryPolicy;
import dev.questbench.ui.common.TaskRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The first-run "Connect a model" card: whether a model provider is set up; if not, whether Ollama answers on this
 * machine (then one click saves it with one of its models), else the way to the provider form.
 */
public final class ConnectModelViewModel {
    /** One quick try, no retries: the card must not wait for backoff. */
    private static final RetryPolicy PROBE = new RetryPolicy(1, Duration.ofMillis(100), Duration.ofMillis(100),
            Duration.ofSeconds(3));

    /** Where the check stands. */
    public enum State { CHECKING, CONNECTED, OLLAMA_FOUND, NOTHING_FOUND, UNAVAILABLE }

    private final BuiltinAgent agent;
    private final Map<String, String> env;
    private final TaskRunner tasks;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.CHECKING);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "Looking for a model…");
    private final ObservableList<String> ollamaModels = FXCollections.observableArrayList();
    private final ObservableList<String> ollamaModelsView = FXCollections.unmodifiableObservableList(ollamaModels);
    private ProviderConfig ollama;

    /** @param agent the built-in agent, or null when this window runs without it */
    public ConnectModelViewModel(BuiltinAgent agent, Map<String, String> env, TaskRunner tasks) {
        this.agent = agent;
        this.env = Map.copyOf(env);
        this.tasks = tasks;
    }

    // ---- properties ----------------------------------------------------------------------------

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** What the card says now. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The models Ollama has pulled, when it was found (read-only for the View). */
    public ObservableList<String> ollamaModels() {
        return ollamaModelsView;
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Checks in the background: a saved or environment provider, else Ollama on this machine. */
    public void check() {
        if (agent == null) {
            set(State.UNAVAILABLE, "The built-in agent is not running in this window.");
            return;
        }
        set(State.CHECKING, "Looking for a model…");
        tasks.run(this::probe, found -> {
            ollamaModels.setAll(found.models());
            set(found.state(), found.message());
        }, failure -> set(State.NOTHING_FOUND, "No model is set up yet. " + failure.getMessage()));
    }

    /** Saves the Ollama that answered as the default provider, with {@code model}. */
    public void useOllama(String model) {
        ProviderConfig found = ollama;
        if (found == null || model == null || model.isBlank()) {
            return;
        }
        tasks.run(() -> {
            List<ProviderEntry> entries = new ArrayList<>(agent.providers().saved());
            entries.removeIf(entry -> entry.name().equals("ollama"));
            entries.add(new ProviderEntry("ollama", ProviderKind.OPENAI, found.baseUrl(), model, 0, Map.of(), null));
            agent.providers().save(entries);
            agent.providers().setDefault("ollama");
            return model;
        }, saved -> set(State.CONNECTED, "Connected to Ollama; quests use " + saved + "."),
                failure -> set(State.OLLAMA_FOUND, "Ollama could not be saved: " + failure.getMessage()));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private record Found(State state, String message, List<String> models) {
    }

    private Found probe() {
        List<ProviderConfig> configured = new ArrayList<>();
        agent.providers().saved().forEach(entry -> configured.add(agent.providers().resolve(entry.name()).config()));
        Providers.fromEnvironment(env).stream().filter(p -> !p.name().equals("ollama")).forEach(configured::add);
        if (!configured.isEmpty()) {
            ProviderConfig first = agent.providers().saved().isEmpty() ? configured.get(0)
                    : agent.providers().resolve(null).config();
            return new Found(State.CONNECTED, "Connected: " + first.name() + " · " + first.model() + ".", List.of());
        }
        ollama = Providers.ollamaDefault(env);
        try {
            List<String> models = ModelClients.create(ollama, PROBE).listModels();
            if (models.isEmpty()) {
                return new Found(State.NOTHING_FOUND, "Ollama is running at " + ollama.baseUrl() + " but has no "
                        + "models. Run `ollama pull llama3.1`, or set up another provider.", List.of());
            }
            return new Found(State.OLLAMA_FOUND, "Ollama is running at " + ollama.baseUrl() + ". Pick a model to "
                    + "use it.", models);
        } catch (Exception e) {
            return new Found(State.NOTHING_FOUND, "No model is set up, and Ollama is not answering at "
                    + ollama.baseUrl() + ". Start Ollama (`ollama serve`), or add OpenAI, Anthropic or any "
                    + "OpenAI-compatible server.", List.of());
        }
    }

    private void set(State now, String text) {
        message.set(text);
        state.set(now);
    }
}
