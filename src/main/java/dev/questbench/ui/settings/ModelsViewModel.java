package dev.questbench.ui.settings;

import dev.questbench.agent.builtin.BuiltinAgent;
import dev.questbench.agent.builtin.ProviderEntry;
import dev.questbench.store.SecretStore;
import dev.questbench.ui.common.DialogService;
import dev.questbench.ui.common.TaskRunner;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Settings → Models: the built-in agent's model providers. Edits stay in the forms until Save writes the list to
 * the settings and the API keys to the secrets file; Test connection and List models ask the provider in the
 * background with the values as typed.
 */
public final class ModelsViewModel {
    static final String UNAVAILABLE = "The built-in agent is not available in this session, so its model "
            + "providers cannot be edited here.";

    private final BuiltinAgent agent;
    private final SavedProviders saved;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ObservableList<ProviderForm> providers = FXCollections.observableArrayList();
    private final ObjectProperty<ProviderForm> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<ProviderForm> defaultProvider = new ReadOnlyObjectWrapper<>(this,
            "defaultProvider");
    private final ReadOnlyObjectWrapper<ProviderForm> usedByDefault = new ReadOnlyObjectWrapper<>(this,
            "usedByDefault");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper(this, "banner");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private boolean readable;
    private String ollamaUrl = ProviderPreset.OLLAMA.baseUrl();
    private Set<String> loadedNames = Set.of();

    /**
     * @param agent   the built-in agent, or null when this session has none (the page then says so)
     * @param secrets the secrets file that holds the API keys
     */
    public ModelsViewModel(BuiltinAgent agent, SecretStore secrets, TaskRunner tasks, DialogService dialogs) {
        this(agent, secrets, tasks, dialogs, System::getenv);
    }

    /** @param environment reads an environment variable, for keys named by "key from environment variable" */
    ModelsViewModel(BuiltinAgent agent, SecretStore secrets, TaskRunner tasks, DialogService dialogs,
                    UnaryOperator<String> environment) {
        this.agent = agent;
        this.saved = agent == null ? null : new SavedProviders(agent, secrets, environment);
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    // ---- properties ----------------------------------------------------------------------------

    /** False when the session has no built-in agent: the page shows {@link #UNAVAILABLE} instead. */
    public boolean available() {
        return agent != null;
    }

    /** Saved providers first, in the user's order, then those the environment implies. */
    public ObservableList<ProviderForm> providers() {
        return providers;
    }

    public ObjectProperty<ProviderForm> selectedProperty() {
        return selected;
    }

    /** The provider chosen with Make default, or null. */
    public ReadOnlyObjectProperty<ProviderForm> defaultProviderProperty() {
        return defaultProvider.getReadOnlyProperty();
    }

    /** The provider quests use when they name none: the chosen default, else the first; null means Ollama. */
    public ReadOnlyObjectProperty<ProviderForm> usedByDefaultProperty() {
        return usedByDefault.getReadOnlyProperty();
    }

    /** Empty, or the warning that nothing is configured so quests fall back to Ollama on localhost. */
    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** A saved (not environment) provider is selected. */
    public BooleanBinding canEditProperty() {
        return Bindings.createBooleanBinding(() -> selected.get() != null && !selected.get().fromEnvironment(),
                selected);
    }

    /**
     * A provider is selected. A check may start while another runs (the user fixed the URL of a check that hangs);
     * only the newest one's result is shown.
     */
    public BooleanBinding canCheckProperty() {
        return Bindings.createBooleanBinding(() -> available() && selected.get() != null, selected);
    }

    /** A provider is selected that is not already the chosen default. */
    public BooleanBinding canMakeDefaultProperty() {
        return Bindings.createBooleanBinding(() -> selected.get() != null && selected.get() != defaultProvider.get(),
                selected, defaultProvider);
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Reads the providers, which keys are saved (not the keys) and the default, in the background. */
    public void load() {
        if (agent == null) {
            loaded.set(true);
            return;
        }
        tasks.run(saved::read, this::show, failure -> {
            problem.set("The model providers could not be read: " + describe(failure));
            loaded.set(true); // the other pages can still be saved
        });
    }

    /** Adds a provider pointing at Ollama on localhost; pick a preset or type another base URL. */
    public void add() {
        if (!readable) {
            return;
        }
        ProviderForm form = ProviderForm.fresh(freeName("provider"), ProviderPreset.OLLAMA);
        form.watch(this::edited);
        providers.add(editableCount(), form);
        selected.set(form);
        edited();
    }

    /** Removes the selected saved provider after asking; its key is deleted on Save. */
    public void remove() {
        ProviderForm form = selected.get();
        if (form == null || form.fromEnvironment()) {
            return;
        }
        String name = ProviderChecks.strip(form.nameProperty().get());
        String key = form.keyStoredProperty().get() ? " Its saved API key is deleted too." : "";
        if (!dialogs.confirm("Remove Provider", "Remove the provider '" + name + "'?" + key
                + " Nothing changes until you click Save.", "Remove")) {
            return;
        }
        int index = providers.indexOf(form);
        providers.remove(form);
        selected.set(providers.isEmpty() ? null : providers.get(Math.min(index, providers.size() - 1)));
        edited();
    }

    /** Makes the selected provider the one quests use when they name none. */
    public void makeDefault() {
        if (selected.get() != null) {
            defaultProvider.set(selected.get());
            edited();
        }
    }

    /** Asks the selected provider for its models with the values as typed, and shows what it says. */
    public void testConnection() {
        ProviderForm form = checkable();
        if (form == null) {
            return;
        }
        ProviderForm.Draft draft = form.draft();
        int generation = form.startCheck("Testing " + draft.baseUrl() + "…");
        tasks.run(() -> saved.client(draft).testConnection(),
                check -> form.finishCheck(generation, check.ok(), check.message(), check.models()),
                failure -> form.finishCheck(generation, false, "The test could not run: " + describe(failure),
                        List.of()));
    }

    /** Fills the default model's list with the models the selected provider offers ({@code GET /models}). */
    public void listModels() {
        ProviderForm form = checkable();
        if (form == null) {
            return;
        }
        ProviderForm.Draft draft = form.draft();
        int generation = form.startCheck("Listing the models of " + draft.baseUrl() + "…");
        tasks.run(() -> saved.client(draft).listModels(),
                ids -> form.finishCheck(generation, true, ids.isEmpty() ? "The provider lists no models."
                        : ids.size() + (ids.size() == 1 ? " model" : " models")
                        + " listed: pick the default model from the list.", ids),
                failure -> form.finishCheck(generation, false, describe(failure), List.of()));
    }

    /** Checks every saved provider and selects the first with a problem; true when all can be saved. */
    public boolean validate() {
        if (!readable) {
            return true;
        }
        for (ProviderForm form : providers) {
            if (!form.validate(otherNames(form))) {
                selected.set(form);
                problem.set("Provider '" + ProviderChecks.strip(form.nameProperty().get()) + "': "
                        + form.firstError());
                return false;
            }
        }
        problem.set(null);
        return true;
    }

    /**
     * Writes the providers, the keys (to the secrets file, never the database) and the default; {@code onSaved}
     * runs on the FX thread once they are stored. Does nothing but show the problem when a field is invalid.
     */
    public void save(Runnable onSaved) {
        if (!readable) {
            onSaved.run();
            return;
        }
        if (!validate()) {
            return;
        }
        List<ProviderEntry> entries = new ArrayList<>();
        List<SavedProviders.KeyPlan> keys = new ArrayList<>();
        for (ProviderForm form : providers) {
            if (!form.fromEnvironment()) {
                ProviderEntry entry = form.toEntry();
                entries.add(entry);
                keys.add(new SavedProviders.KeyPlan(entry.name(), form.originalName(), form.typedKey(),
                        form.keyClearedProperty().get()));
            }
        }
        String defaultName = defaultProvider.get() == null ? null
                : ProviderChecks.strip(defaultProvider.get().nameProperty().get());
        Set<String> before = loadedNames;
        saving.set(true);
        tasks.run(() -> {
            saved.write(entries, keys, defaultName, before);
            return saved.read();
        }, snapshot -> {
            saving.set(false);
            problem.set(null);
            show(snapshot);
            onSaved.run();
        }, failure -> {
            saving.set(false);
            problem.set("The model providers could not be saved: " + describe(failure));
        });
    }

    // ---- helpers -------------------------------------------------------------------------------

    private void show(SavedProviders.Snapshot snapshot) {
        List<ProviderForm> forms = new ArrayList<>();
        for (ProviderEntry entry : snapshot.saved()) {
            forms.add(ProviderForm.saved(entry, snapshot.withKeys().contains(entry.name())));
        }
        snapshot.environment().forEach(config -> forms.add(ProviderForm.environment(config)));
        forms.forEach(form -> form.watch(this::edited));
        String previous = selected.get() == null ? null : selected.get().nameProperty().get();
        providers.setAll(forms);
        defaultProvider.set(named(snapshot.defaultName()));
        if (snapshot.resolved().implicit()) {
            ollamaUrl = snapshot.resolved().config().baseUrl();
        }
        loadedNames = snapshot.saved().stream().map(ProviderEntry::name).collect(
                Collectors.toCollection(LinkedHashSet::new));
        readable = true;
        selected.set(named(previous) != null ? named(previous) : forms.isEmpty() ? null : forms.get(0));
        edited();
        loaded.set(true);
    }

    /** After any edit: names are checked again (they must stay unique) and the default is worked out again. */
    private void edited() {
        for (ProviderForm form : providers) {
            form.validate(otherNames(form));
        }
        if (defaultProvider.get() != null && !providers.contains(defaultProvider.get())) {
            defaultProvider.set(null);
        }
        ProviderForm used = defaultProvider.get() != null ? defaultProvider.get()
                : providers.isEmpty() ? null : providers.get(0);
        usedByDefault.set(used);
        banner.set(used != null ? "" : "No provider is configured: quests use Ollama at " + ollamaUrl
                + ". Start Ollama (`ollama serve`) or add a provider.");
    }

    private ProviderForm checkable() {
        ProviderForm form = selected.get();
        if (agent == null || form == null) {
            return null;
        }
        form.validate(otherNames(form));
        String reason = form.connectionProblem();
        if (reason != null) {
            form.refuseCheck(reason);
            return null;
        }
        return form;
    }

    private List<String> otherNames(ProviderForm form) {
        return providers.stream().filter(other -> other != form && !other.fromEnvironment())
                .map(other -> other.nameProperty().get()).toList();
    }

    private ProviderForm named(String name) {
        return name == null ? null : providers.stream().filter(form -> name.equals(form.nameProperty().get()))
                .findFirst().orElse(null);
    }

    private int editableCount() {
        return (int) providers.stream().filter(form -> !form.fromEnvironment()).count();
    }

    private String freeName(String base) {
        Set<String> taken = new LinkedHashSet<>();
        providers.forEach(form -> taken.add(ProviderChecks.strip(form.nameProperty().get()).toLowerCase(Locale.ROOT)));
        String name = base;
        for (int i = 2; taken.contains(name); i++) {
            name = base + "-" + i;
        }
        return name;
    }

    private static String describe(Throwable failure) {
        return failure.getMessage() == null || failure.getMessage().isBlank() ? failure.toString()
                : failure.getMessage();
    }
}
