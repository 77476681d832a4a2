package dev.questbench.ui.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.questbench.agent.cloud.CloudSettings;
import dev.questbench.agent.webhook.WebhookPreset;
import dev.questbench.store.SecretStore;
import dev.questbench.store.Settings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The remote part of Settings → Agents: the Cloud Agents service (base URL, token, agent and environment ids) and
 * the webhook agents (edited as JSON). The token is write-only: a blank field keeps the stored one.
 */
public final class RemoteAgentsForm {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final StringProperty cloudUrl = new SimpleStringProperty(this, "cloudUrl", "");
    private final StringProperty cloudToken = new SimpleStringProperty(this, "cloudToken", "");
    private final StringProperty cloudAgent = new SimpleStringProperty(this, "cloudAgent", "");
    private final StringProperty cloudEnvironment = new SimpleStringProperty(this, "cloudEnvironment", "");
    private final StringProperty webhooks = new SimpleStringProperty(this, "webhooks", "");
    private final ReadOnlyBooleanWrapper tokenStored = new ReadOnlyBooleanWrapper(this, "tokenStored");

    /** What the settings hold, read in the background. */
    record Stored(String url, boolean token, String agent, String environment, String webhooks) {
    }

    /** The form's values when Save was pressed, written in the background. */
    record Edited(String url, String token, String agent, String environment, WebhookPreset.Presets webhooks) {
    }

    public StringProperty cloudUrlProperty() {
        return cloudUrl;
    }

    /** A new personal access token; blank keeps the stored one. */
    public StringProperty cloudTokenProperty() {
        return cloudToken;
    }

    public StringProperty cloudAgentProperty() {
        return cloudAgent;
    }

    public StringProperty cloudEnvironmentProperty() {
        return cloudEnvironment;
    }

    /** The webhook agents as a JSON array of {name, baseUrl, command, arguments, messageArgument}. */
    public StringProperty webhooksProperty() {
        return webhooks;
    }

    public ReadOnlyBooleanProperty tokenStoredProperty() {
        return tokenStored.getReadOnlyProperty();
    }

    static Stored read(Settings settings, SecretStore secrets) throws JsonProcessingException {
        boolean token = secrets != null && secrets.get(CloudSettings.TOKEN_SECRET).filter(t -> !t.isBlank())
                .isPresent();
        return new Stored(settings.get(CloudSettings.BASE_URL), token, settings.get(CloudSettings.AGENT_ID),
                settings.get(CloudSettings.ENVIRONMENT_ID),
                JSON.writeValueAsString(settings.get(WebhookPreset.SETTING).presets()));
    }

    void show(Stored stored) {
        cloudUrl.set(stored.url());
        tokenStored.set(stored.token());
        cloudToken.set("");
        cloudAgent.set(stored.agent());
        cloudEnvironment.set(stored.environment());
        webhooks.set(stored.webhooks());
    }

    /** The edits, or an exception whose message says what to fix. */
    Edited edited() {
        String url = cloudUrl.get() == null ? "" : cloudUrl.get().strip();
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("The Cloud Agents base URL must start with http:// or https://.");
        }
        WebhookPreset.Presets hooks;
        try {
            String text = webhooks.get() == null || webhooks.get().isBlank() ? "[]" : webhooks.get();
            hooks = new WebhookPreset.Presets(java.util.List.of(JSON.readValue(text, WebhookPreset[].class)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The webhook agents are not a valid JSON array: "
                    + e.getOriginalMessage());
        }
        return new Edited(url, cloudToken.get() == null ? "" : cloudToken.get().strip(), blankless(cloudAgent.get()),
                blankless(cloudEnvironment.get()), hooks);
    }

    static void write(Edited edited, Settings settings, SecretStore secrets) {
        settings.set(CloudSettings.BASE_URL, edited.url());
        settings.set(CloudSettings.AGENT_ID, edited.agent());
        settings.set(CloudSettings.ENVIRONMENT_ID, edited.environment());
        settings.set(WebhookPreset.SETTING, edited.webhooks());
        if (secrets != null && !edited.token().isEmpty()) {
            secrets.put(CloudSettings.TOKEN_SECRET, edited.token());
        }
    }

    private static String blankless(String value) {
        return value == null ? "" : value.strip();
    }
}
