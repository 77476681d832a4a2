package dev.questbench.ui.newquest;

import dev.questbench.agent.builtin.BuiltinAgent;
import dev.questbench.agent.builtin.ProviderRegistry;
import dev.questbench.llm.ProviderConfig;
import dev.questbench.ui.common.TaskRunner;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The New Quest form's provider and model for the built-in agent. A model left at the provider's default is not
 * stored, so the quest follows later changes of that default.
 */
public final class ModelChoice {
    static final String OLLAMA_HINT = "No model provider configured — using Ollama at localhost. "
            + "Configure one in Settings → Models.";

    private final BuiltinAgent agent;
    private final TaskRunner tasks;
    private final ObservableList<ProviderChoice> providers = FXCollections.observableArrayList();
    private final ObjectProperty<ProviderChoice> provider = new SimpleObjectProperty<>(this, "provider");
    private final StringProperty model = new SimpleStringProperty(this, "model", "");
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper listing = new ReadOnlyBooleanWrapper(this, "listing");
    private int generation; // a listing for a provider no longer chosen is dropped

    /** @param agent the built-in agent whose providers are offered, or null when there is none (nothing to choose) */
    ModelChoice(BuiltinAgent agent, TaskRunner tasks) {
        this.agent = agent;
        this.tasks = tasks;
        provider.addListener((observable, before, chosen) -> chosen(chosen));
    }

    // ---- properties ----------------------------------------------------------------------------

    /** False when the session has no built-in agent: the form then hides the model row. */
    public boolean available() {
        return agent != null;
    }

    /** "Default (…)" first, then every configured provider; empty until {@link #load()} has read them. */
    public ObservableList<ProviderChoice> providers() {
        return providers;
    }

    public ObjectProperty<ProviderChoice> providerProperty() {
        return provider;
    }

    /** The model id as typed or picked; starts as the chosen provider's default model. */
    public StringProperty modelProperty() {
        return model;
    }

    /** Model ids to pick from: the provider's default, then those it listed. */
    public ObservableList<String> models() {
        return models;
    }

    /** Empty, or the note that nothing is configured and Ollama on localhost is assumed. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** Empty, or why the provider's models could not be listed. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty listingProperty() {
        return listing.getReadOnlyProperty();
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Reads the providers in the background (the registry reads the settings database and the secrets file). */
    public void load() {
        if (agent == null) {
            return;
        }
        ProviderRegistry registry = agent.providers();
        tasks.run(() -> new Loaded(registry.resolve(null), registry.all()), this::show,
                failure -> hint.set("The model providers could not be read (" + describe(failure)
                        + "), so the quest uses the default provider."));
    }

    /** Asks the chosen provider for its models ({@code GET /models}) in the background. */
    public void listModels() {
        ProviderChoice choice = provider.get();
        if (agent == null || choice == null) {
            return;
        }
        int mine = ++generation;
        listing.set(true);
        problem.set("");
        ProviderConfig config = choice.config();
        tasks.run(() -> agent.client(config).listModels(), ids -> {
            if (mine == generation) {
                listing.set(false);
                offer(choice, ids);
                problem.set(ids.isEmpty() ? config.name() + " lists no models." : "");
            }
        }, failure -> {
            if (mine == generation) {
                listing.set(false);
                problem.set(describe(failure));
            }
        });
    }

    /** The provider name the quest stores: null for "Default", so the quest follows the default. */
    String providerForQuest() {
        ProviderChoice choice = provider.get();
        return choice == null ? null : choice.name();
    }

    /** The model the quest stores: null when it is the chosen provider's default (or blank). */
    String modelForQuest() {
        String typed = model.get() == null ? "" : model.get().strip();
        ProviderChoice choice = provider.get();
        if (typed.isEmpty() || choice != null && typed.equals(choice.defaultModel())) {
            return null;
        }
        return typed;
    }

    // ---- helpers -------------------------------------------------------------------------------

    private record Loaded(ProviderRegistry.Resolved fallback, List<ProviderConfig> all) {
    }

    private void show(Loaded loaded) {
        List<ProviderChoice> choices = new ArrayList<>();
        choices.add(ProviderChoice.byDefault(loaded.fallback().config()));
        loaded.all().forEach(config -> choices.add(ProviderChoice.named(config)));
        providers.setAll(choices);
        hint.set(loaded.fallback().implicit() ? OLLAMA_HINT : "");
        provider.set(choices.get(0));
    }

    private void chosen(ProviderChoice choice) {
        generation++;
        listing.set(false);
        problem.set("");
        offer(choice, List.of());
        String preset = choice == null ? null : choice.defaultModel();
        model.set(preset == null ? "" : preset);
    }

    private void offer(ProviderChoice choice, List<String> listed) {
        Set<String> ids = new LinkedHashSet<>();
        if (choice != null && choice.defaultModel() != null) {
            ids.add(choice.defaultModel());
        }
        ids.addAll(listed);
        models.setAll(ids);
    }

    private static String describe(Throwable failure) {
        return failure.getMessage() == null || failure.getMessage().isBlank() ? failure.toString()
                : failure.getMessage();
    }
}
