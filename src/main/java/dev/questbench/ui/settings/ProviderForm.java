package dev.questbench.ui.settings;

import dev.questbench.agent.builtin.ProviderEntry;
import dev.questbench.llm.ProviderConfig;
import dev.questbench.llm.ProviderKind;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One provider on the Models page as the user edits it. Saved providers are editable; providers the environment
 * implies are read-only. The stored API key is never loaded: the form only knows whether one is saved.
 */
public final class ProviderForm {
    /** Where Test connection / List models stand for this provider. */
    public enum Check { IDLE, RUNNING, OK, FAILED }

    /**
     * The form's values at one moment, for background work.
     *
     * @param environment the environment's config (with its key) for a read-only provider, else null
     */
    record Draft(ProviderConfig environment, String originalName, String name, ProviderKind kind, String baseUrl,
                 String newKey, boolean clearKey, String apiKeyEnv, String model, int contextWindow,
                 Map<String, String> headers) {

        ProviderConfig toConfig(String apiKey) {
            return environment != null ? environment
                    : new ProviderConfig(name, kind, baseUrl, apiKey, model, contextWindow, headers);
        }
    }

    private final ProviderConfig environment;
    private final String originalName;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<ProviderKind> kind = new SimpleObjectProperty<>(this, "kind", ProviderKind.OPENAI);
    private final StringProperty baseUrl = new SimpleStringProperty(this, "baseUrl", "");
    private final StringProperty newKey = new SimpleStringProperty(this, "newKey", "");
    private final StringProperty apiKeyEnv = new SimpleStringProperty(this, "apiKeyEnv", "");
    private final StringProperty model = new SimpleStringProperty(this, "model", "");
    private final StringProperty contextWindow = new SimpleStringProperty(this, "contextWindow", "0");
    private final StringProperty headers = new SimpleStringProperty(this, "headers", "");
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper keyStored = new ReadOnlyBooleanWrapper(this, "keyStored");
    private final ReadOnlyBooleanWrapper keyCleared = new ReadOnlyBooleanWrapper(this, "keyCleared");
    private final StringBinding keyStatus;
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper(this, "nameError");
    private final ReadOnlyStringWrapper baseUrlError = new ReadOnlyStringWrapper(this, "baseUrlError");
    private final ReadOnlyStringWrapper apiKeyEnvError = new ReadOnlyStringWrapper(this, "apiKeyEnvError");
    private final ReadOnlyStringWrapper contextWindowError = new ReadOnlyStringWrapper(this, "contextWindowError");
    private final ReadOnlyStringWrapper headersError = new ReadOnlyStringWrapper(this, "headersError");
    private final ReadOnlyObjectWrapper<Check> check = new ReadOnlyObjectWrapper<>(this, "check", Check.IDLE);
    private final ReadOnlyStringWrapper checkMessage = new ReadOnlyStringWrapper(this, "checkMessage");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private int checkGeneration;

    private ProviderForm(ProviderConfig environment, String originalName) {
        this.environment = environment;
        this.originalName = originalName;
        newKey.addListener((observable, before, typed) -> {
            if (typed != null && !typed.isEmpty()) {
                keyCleared.set(false); // typing a key replaces the stored one instead
            }
        });
        busy.bind(check.isEqualTo(Check.RUNNING));
        keyStatus = Bindings.createStringBinding(this::describeKey, newKey, keyStored, keyCleared);
    }

    /** A provider saved in the settings; {@code keyStored} says whether the secrets file holds its key. */
    static ProviderForm saved(ProviderEntry entry, boolean keyStored) {
        ProviderForm form = new ProviderForm(null, entry.name());
        form.name.set(entry.name());
        form.kind.set(entry.kind() == null ? ProviderKind.OPENAI : entry.kind());
        form.baseUrl.set(nullToEmpty(entry.baseUrl()));
        form.apiKeyEnv.set(nullToEmpty(entry.apiKeyEnv()));
        form.model.set(nullToEmpty(entry.model()));
        form.contextWindow.set(Integer.toString(Math.max(0, entry.contextWindow())));
        form.headers.set(ProviderChecks.headerLines(entry.headers()));
        form.keyStored.set(keyStored);
        return form;
    }

    /** A provider just added with Add, pointing at a preset. */
    static ProviderForm fresh(String name, ProviderPreset preset) {
        ProviderForm form = new ProviderForm(null, null);
        form.name.set(name);
        form.applyPreset(preset);
        return form;
    }

    /** A provider the environment implies (OPENAI_API_KEY, ANTHROPIC_API_KEY, OLLAMA_HOST): shown, not edited. */
    static ProviderForm environment(ProviderConfig config) {
        ProviderForm form = new ProviderForm(config, config.name());
        form.name.set(config.name());
        form.kind.set(config.kind());
        form.baseUrl.set(config.baseUrl());
        form.model.set(nullToEmpty(config.model()));
        form.contextWindow.set(Integer.toString(Math.max(0, config.contextWindow())));
        form.headers.set(ProviderChecks.headerLines(config.headers()));
        form.keyStored.set(config.apiKey() != null && !config.apiKey().isBlank());
        return form;
    }

    // ---- properties ----------------------------------------------------------------------------

    /** True for a provider the environment implies: it cannot be edited or removed here. */
    public boolean fromEnvironment() {
        return environment != null;
    }

    /** The name the provider is saved under, or null for one added since the page loaded. */
    String originalName() {
        return originalName;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<ProviderKind> kindProperty() {
        return kind;
    }

    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    /** A key typed to replace the saved one; empty keeps what is saved. */
    public StringProperty newKeyProperty() {
        return newKey;
    }

    /** The environment variable to read the key from when none is saved. */
    public StringProperty apiKeyEnvProperty() {
        return apiKeyEnv;
    }

    public StringProperty modelProperty() {
        return model;
    }

    /** The context window in tokens, as typed (0 or blank = unknown). */
    public StringProperty contextWindowProperty() {
        return contextWindow;
    }

    /** Extra HTTP headers as "Name: value" lines. */
    public StringProperty headersProperty() {
        return headers;
    }

    /** The models the provider listed, for the default model's drop-down. */
    public ObservableList<String> models() {
        return models;
    }

    public ReadOnlyBooleanProperty keyStoredProperty() {
        return keyStored.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty keyClearedProperty() {
        return keyCleared.getReadOnlyProperty();
    }

    /** What happens to the key, in words ("•••• saved", "no key saved", …); never the key itself. */
    public StringBinding keyStatusProperty() {
        return keyStatus;
    }

    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty baseUrlErrorProperty() {
        return baseUrlError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty apiKeyEnvErrorProperty() {
        return apiKeyEnvError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty contextWindowErrorProperty() {
        return contextWindowError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headersErrorProperty() {
        return headersError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Check> checkProperty() {
        return check.getReadOnlyProperty();
    }

    /** The last check's result for the user (from the provider's ConnectionCheck), or "Testing…". */
    public ReadOnlyStringProperty checkMessageProperty() {
        return checkMessage.getReadOnlyProperty();
    }

    /** True while a check or listing runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Points the form at a well-known endpoint: its base URL and protocol. */
    public void applyPreset(ProviderPreset preset) {
        baseUrl.set(preset.baseUrl());
        kind.set(preset.kind());
    }

    /** Removes the saved key on Save (a key typed meanwhile is dropped). */
    public void clearKey() {
        newKey.set("");
        keyCleared.set(true);
    }

    /** Runs {@code onChange} whenever an edited value changes (for validation and the list's labels). */
    void watch(Runnable onChange) {
        for (Observable value : List.<Observable>of(name, kind, baseUrl, apiKeyEnv, contextWindow, headers)) {
            value.addListener(observable -> onChange.run());
        }
    }

    /** Checks every field and shows what is wrong; true when the provider can be saved. */
    boolean validate(Collection<String> otherNames) {
        if (fromEnvironment()) {
            return true;
        }
        nameError.set(ProviderChecks.name(name.get(), otherNames));
        baseUrlError.set(ProviderChecks.baseUrl(baseUrl.get()));
        apiKeyEnvError.set(ProviderChecks.variable(apiKeyEnv.get()));
        contextWindowError.set(ProviderChecks.contextWindow(contextWindow.get()));
        headersError.set(ProviderChecks.headers(headers.get()));
        return firstError() == null;
    }

    /** The first problem shown on the form, or null. */
    String firstError() {
        for (ReadOnlyStringWrapper error : List.of(nameError, baseUrlError, apiKeyEnvError, contextWindowError,
                headersError)) {
            if (error.get() != null) {
                return error.get();
            }
        }
        return null;
    }

    /** What stops a connection check (a bad URL, window or headers), or null; call after {@link #validate}. */
    String connectionProblem() {
        for (ReadOnlyStringWrapper error : List.of(baseUrlError, contextWindowError, headersError)) {
            if (error.get() != null) {
                return error.get();
            }
        }
        return null;
    }

    /** The provider as saved; call after {@link #validate} passed. */
    ProviderEntry toEntry() {
        String variable = ProviderChecks.strip(apiKeyEnv.get());
        String chosen = ProviderChecks.strip(model.get());
        return new ProviderEntry(ProviderChecks.strip(name.get()), kind.get(), ProviderChecks.strip(baseUrl.get()),
                chosen.isEmpty() ? null : chosen, ProviderChecks.contextWindowValue(contextWindow.get()),
                ProviderChecks.headerValues(headers.get()), variable.isEmpty() ? null : variable);
    }

    /** The values now, for a check in the background; call when the URL, window and headers are valid. */
    Draft draft() {
        ProviderEntry entry = fromEnvironment() ? null : toEntry();
        return entry == null
                ? new Draft(environment, originalName, name.get(), kind.get(), baseUrl.get(), null, false, null,
                        model.get(), 0, Map.of())
                : new Draft(null, originalName, entry.name(), entry.kind(), entry.baseUrl(), typedKey(),
                        keyCleared.get(), entry.apiKeyEnv(), entry.model(), entry.contextWindow(), entry.headers());
    }

    /** The key typed to replace the saved one, without the spaces a paste brings along; null when none. */
    String typedKey() {
        String key = ProviderChecks.strip(newKey.get());
        return key.isEmpty() ? null : key;
    }

    /** Starts a check; the returned generation tells its result from a later check's. */
    int startCheck(String message) {
        check.set(Check.RUNNING);
        checkMessage.set(message);
        return ++checkGeneration;
    }

    /** Shows a check's result and the models it found, unless a newer check started since. */
    void finishCheck(int generation, boolean ok, String message, List<String> listed) {
        if (generation != checkGeneration) {
            return; // a later check owns the status line
        }
        check.set(ok ? Check.OK : Check.FAILED);
        checkMessage.set(message);
        if (!listed.isEmpty()) {
            models.setAll(listed);
        }
    }

    /** Shows a problem found before any check could start (an invalid URL, …). */
    void refuseCheck(String message) {
        checkGeneration++;
        check.set(Check.FAILED);
        checkMessage.set(message);
    }

    @Override
    public String toString() {
        return name.get();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private String describeKey() {
        if (fromEnvironment()) {
            return keyStored.get() ? "•••• from the environment" : "no key (from the environment)";
        }
        if (!newKey.get().isEmpty()) {
            return keyStored.get() ? "the new key replaces the saved one on Save" : "the key is saved on Save";
        }
        if (keyCleared.get()) {
            return "the saved key is removed on Save";
        }
        return keyStored.get() ? "•••• saved" : "no key saved";
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
