package dev.questbench.ui.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.agent.builtin.AgentSettings;
import dev.questbench.agent.builtin.subagents.Experts;
import dev.questbench.agent.builtin.subagents.Subagent;
import dev.questbench.domain.event.EventJson;
import dev.questbench.store.Settings;
import dev.questbench.ui.common.TaskRunner;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;

/** Settings → Experts: for each Experts-mode role, a model id to use instead of the quest's and extra instructions. */
public final class ExpertsViewModel {
    private final Settings settings;
    private final TaskRunner tasks;
    private final Map<String, StringProperty> models = new LinkedHashMap<>();
    private final Map<String, StringProperty> prompts = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public ExpertsViewModel(Settings settings, TaskRunner tasks) {
        this.settings = settings;
        this.tasks = tasks;
        for (Subagent role : Experts.ROLES) {
            models.put(role.name(), new SimpleStringProperty(this, role.name() + ".model", ""));
            prompts.put(role.name(), new SimpleStringProperty(this, role.name() + ".prompt", ""));
        }
    }

    /** The role names, in order. */
    public Iterable<String> roles() {
        return models.keySet();
    }

    public StringProperty modelProperty(String role) {
        return models.get(role);
    }

    public StringProperty promptProperty(String role) {
        return prompts.get(role);
    }

    /** "Saved." after a save, or why it failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void load() {
        tasks.run(() -> settings.get(AgentSettings.EXPERTS), (JsonNode stored) -> {
            for (String role : models.keySet()) {
                JsonNode entry = stored == null ? null : stored.get(role);
                models.get(role).set(entry == null ? "" : entry.path("model").asText(""));
                prompts.get(role).set(entry == null ? "" : entry.path("prompt").asText(""));
            }
        }, failure -> message.set("The experts' settings could not be read: " + failure.getMessage()));
    }

    /** Stores the fields now (empty ones are left out). */
    public void save() {
        ObjectNode experts = EventJson.mapper().createObjectNode();
        for (String role : models.keySet()) {
            String model = models.get(role).get() == null ? "" : models.get(role).get().strip();
            String prompt = prompts.get(role).get() == null ? "" : prompts.get(role).get().strip();
            if (!model.isEmpty() || !prompt.isEmpty()) {
                ObjectNode entry = experts.putObject(role);
                if (!model.isEmpty()) {
                    entry.put("model", model);
                }
                if (!prompt.isEmpty()) {
                    entry.put("prompt", prompt);
                }
            }
        }
        tasks.run(() -> {
            settings.set(AgentSettings.EXPERTS, experts);
            return experts;
        }, saved -> message.set("Saved. New Experts-mode quests use it."),
                failure -> message.set("The experts' settings could not be saved: " + failure.getMessage()));
    }
}
