package dev.questbench.ui.settings;

import dev.questbench.review.external.ExternalReviewSettings;
import dev.questbench.store.Store;
import dev.questbench.ui.common.TaskRunner;
import java.net.URI;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Settings → Review: the external reviewer (a Qodo Merge server): its URL in the settings file, its API key in the
 * secrets file. A key left blank keeps the saved one; Remove key forgets it.
 */
public final class ReviewSettingsViewModel {
    private final Store store;
    private final TaskRunner tasks;
    private final StringProperty baseUrl = new SimpleStringProperty(this, "baseUrl", "");
    private final StringProperty apiKey = new SimpleStringProperty(this, "apiKey", "");
    private final ReadOnlyBooleanWrapper keySaved = new ReadOnlyBooleanWrapper(this, "keySaved");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private boolean removeKey;

    public ReviewSettingsViewModel(Store store, TaskRunner tasks) {
        this.store = store;
        this.tasks = tasks;
    }

    // ---- properties ----------------------------------------------------------------------------

    /** The Qodo Merge server, e.g. {@code https://qodo-merge.example.com}; blank: no external reviewer. */
    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    /** A new API key to save; blank keeps the saved one. */
    public StringProperty apiKeyProperty() {
        return apiKey;
    }

    /** Whether a key is saved (it is never shown). */
    public ReadOnlyBooleanProperty keySavedProperty() {
        return keySaved.getReadOnlyProperty();
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

    // ---- commands ------------------------------------------------------------------------------

    public void load() {
        tasks.run(() -> new Loaded(ExternalReviewSettings.baseUrl(store.settings()),
                ExternalReviewSettings.apiKey(store.secrets()).isPresent()), found -> {
            baseUrl.set(found.url());
            keySaved.set(found.keySaved());
            loaded.set(true);
        }, failure -> {
            problem.set("The review settings could not be read: " + failure.getMessage());
            loaded.set(true);
        });
    }

    /** Forgets the saved key when the dialog is saved. */
    public void removeKey() {
        removeKey = true;
        apiKey.set("");
        keySaved.set(false);
    }

    /** Whether the URL is blank or an http(s) URL; says what is wrong otherwise. */
    public boolean validate() {
        String url = baseUrl.get() == null ? "" : baseUrl.get().strip();
        if (!url.isEmpty()) {
            try {
                String scheme = URI.create(url).getScheme();
                if (scheme == null || !scheme.toLowerCase(Locale.ROOT).matches("https?")
                        || URI.create(url).getHost() == null) {
                    problem.set("The Qodo Merge URL must start with http:// or https:// and name a server, "
                            + "like https://qodo-merge.example.com.");
                    return false;
                }
            } catch (IllegalArgumentException e) {
                problem.set("The Qodo Merge URL is not a valid address: " + e.getMessage());
                return false;
            }
        }
        problem.set("");
        return true;
    }

    public void save(Runnable onSaved) {
        String url = baseUrl.get() == null ? "" : baseUrl.get().strip();
        String key = apiKey.get() == null ? "" : apiKey.get().strip();
        boolean forget = removeKey;
        saving.set(true);
        tasks.run(() -> {
            ExternalReviewSettings.saveBaseUrl(store.settings(), url);
            if (!key.isEmpty()) {
                ExternalReviewSettings.saveApiKey(store.secrets(), key);
            } else if (forget) {
                ExternalReviewSettings.saveApiKey(store.secrets(), null);
            }
            return null;
        }, ignored -> {
            saving.set(false);
            removeKey = false;
            keySaved.set(!key.isEmpty() || keySaved.get());
            apiKey.set("");
            onSaved.run();
        }, failure -> {
            saving.set(false);
            problem.set("The review settings could not be saved: " + failure.getMessage());
        });
    }

    private record Loaded(String url, boolean keySaved) {
    }
}
