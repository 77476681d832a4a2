package dev.questbench.ui.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.agent.builtin.AgentSettings;
import dev.questbench.agent.builtin.subagents.Experts;
import dev.questbench.agent.builtin.subagents.Subagent;
import dev.questbench.agent.builtin.tools.Sandbox;
import dev.questbench.domain.event.EventJson;
import dev.questbench.store.Settings;
import dev.questbench.ui.common.TaskRunner;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Settings → Experts: for each Experts-mode role, a model id to use instead of the quest's and extra instructions,
 * stored when the dialog is saved (Cancel drops them).
 */
public final class ExpertsViewModel {
    /** The most extra instructions one role takes, as in Qoder. */
    static final int MAX_PROMPT_CHARS = 10_000;

    private final Settings settings;
    private final TaskRunner tasks;
    private final Map<String, StringProperty> models = new LinkedHashMap<>();
    private final Map<String, StringProperty> prompts = new LinkedHashMap<>();
    private final StringProperty sandboxProgram = new SimpleStringProperty(this, "sandboxProgram", "");
    private final ReadOnlyStringWrapper sandboxStatus = new ReadOnlyStringWrapper(this, "sandboxStatus", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");

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

    /** The bubblewrap program experts' commands run in; empty for {@code bwrap} on the PATH. */
    public StringProperty sandboxProgramProperty() {
        return sandboxProgram;
    }

    /** Whether bubblewrap is on the PATH, read when the page loads. */
    public ReadOnlyStringProperty sandboxStatusProperty() {
        return sandboxStatus.getReadOnlyProperty();
    }

    /** Why the page cannot be saved or read, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** True once the stored values are in the fields: Save waits for it, so it never stores empty fields by mistake. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public void load() {
        tasks.run(() -> new Stored(settings.get(AgentSettings.EXPERTS), settings.get(AgentSettings.SANDBOX_PROGRAM),
                Sandbox.status()), found -> {
            JsonNode stored = found.experts();
            sandboxProgram.set(found.program());
            sandboxStatus.set(found.status());
            for (String role : models.keySet()) {
                JsonNode entry = stored == null ? null : stored.get(role);
                models.get(role).set(entry == null ? "" : entry.path("model").asText(""));
                prompts.get(role).set(entry == null ? "" : entry.path("prompt").asText(""));
            }
            loaded.set(true);
        }, failure -> problem.set("The experts' settings could not be read: " + failure.getMessage()
                + ". Close Settings and open it again."));
    }

    private record Stored(JsonNode experts, String program, String status) {
    }

    /** False, with the problem said, when the sandbox program cannot run or instructions are too long. */
    public boolean validate() {
        String program = text(sandboxProgram);
        if (!program.isEmpty() && !runnable(program)) {
            problem.set("The sandbox program " + program + " does not exist or cannot run. Give the full path of "
                    + "bwrap, or leave it empty to use bwrap on the PATH.");
            return false;
        }
        for (String role : prompts.keySet()) {
            String prompt = text(prompts.get(role));
            if (prompt.length() > MAX_PROMPT_CHARS) {
                problem.set("The extra instructions for " + role + " are " + prompt.length() + " characters; "
                        + "shorten them to " + MAX_PROMPT_CHARS + " at most.");
                return false;
            }
        }
        problem.set("");
        return true;
    }

    /** Stores the fields (empty ones are left out), then runs {@code onSaved}; on failure says why instead. */
    public void save(Runnable onSaved) {
        ObjectNode experts = EventJson.mapper().createObjectNode();
        for (String role : models.keySet()) {
            String model = text(models.get(role));
            String prompt = text(prompts.get(role));
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
        String program = text(sandboxProgram);
        saving.set(true);
        tasks.run(() -> {
            settings.set(AgentSettings.EXPERTS, experts);
            settings.set(AgentSettings.SANDBOX_PROGRAM, program);
            return experts;
        }, saved -> {
            saving.set(false);
            onSaved.run();
        }, failure -> {
            saving.set(false);
            problem.set("The experts' settings could not be saved: " + failure.getMessage());
        });
    }

    private static boolean runnable(String program) {
        try {
            Path path = Path.of(program);
            return Files.isRegularFile(path) && Files.isExecutable(path);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static String text(StringProperty field) {
        return field.get() == null ? "" : field.get().strip();
    }
}
