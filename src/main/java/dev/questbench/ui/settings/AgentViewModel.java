package dev.questbench.ui.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.agent.builtin.AgentSettings;
import dev.questbench.agent.builtin.permission.PermissionRule.Behavior;
import dev.questbench.agent.builtin.tools.Sandbox;
import dev.questbench.store.Settings;
import dev.questbench.ui.common.TaskRunner;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Settings → Agent: the built-in agent's step limit, tools (network, sandbox), permission rules and hooks for every
 * quest. Rules and hooks are checked as they are typed; Save refuses while one is invalid.
 */
public final class AgentViewModel {
    static final int MAX_STEP_LIMIT = 10_000;
    static final int MAX_HOOK_TIMEOUT = 3_600;
    /** Where quests also read rules and hooks from; Questbench never writes these files. */
    static final String OTHER_SOURCES = "Each quest also reads rules and hooks from its project's "
            + ".qoder/settings.json, .qoder/settings.local.json and .claude/settings.json, and from your "
            + "~/.qoder/settings.json. Questbench reads those files and never writes them.";

    private final Settings settings;
    private final TaskRunner tasks;
    private final Supplier<String> sandboxCheck;
    private final ObjectProperty<Integer> stepLimit = new SimpleObjectProperty<>(this, "stepLimit",
            AgentSettings.STEP_LIMIT.defaultValue());
    private final BooleanProperty network = new SimpleBooleanProperty(this, "network",
            AgentSettings.NETWORK.defaultValue());
    private final BooleanProperty sandbox = new SimpleBooleanProperty(this, "sandbox",
            AgentSettings.SANDBOX.defaultValue());
    private final ReadOnlyStringWrapper sandboxStatus = new ReadOnlyStringWrapper(this, "sandboxStatus");
    private final Map<Behavior, StringProperty> rules = new EnumMap<>(Behavior.class);
    private final Map<Behavior, ReadOnlyStringWrapper> ruleErrors = new EnumMap<>(Behavior.class);
    private final StringProperty hooks = new SimpleStringProperty(this, "hooks", "");
    private final ReadOnlyStringWrapper hooksError = new ReadOnlyStringWrapper(this, "hooksError");
    private final ObjectProperty<Integer> hookTimeout = new SimpleObjectProperty<>(this, "hookTimeout",
            AgentSettings.HOOK_TIMEOUT.defaultValue());
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");

    public AgentViewModel(Settings settings, TaskRunner tasks) {
        this(settings, tasks, Sandbox::status);
    }

    /** @param sandboxCheck says whether bubblewrap is installed (it searches the PATH, so it runs in the background) */
    AgentViewModel(Settings settings, TaskRunner tasks, Supplier<String> sandboxCheck) {
        this.settings = settings;
        this.tasks = tasks;
        this.sandboxCheck = sandboxCheck;
        for (Behavior behavior : Behavior.values()) {
            StringProperty text = new SimpleStringProperty(this, behavior.name().toLowerCase(Locale.ROOT), "");
            ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, behavior.name() + "Error");
            text.addListener((observable, before, typed) -> error.set(AgentRuleChecks.rules(typed, behavior)));
            rules.put(behavior, text);
            ruleErrors.put(behavior, error);
        }
        hooks.addListener((observable, before, typed) -> hooksError.set(AgentRuleChecks.hooks(typed)));
    }

    // ---- properties ----------------------------------------------------------------------------

    /** Model calls one turn may make before it stops with a note. */
    public ObjectProperty<Integer> stepLimitProperty() {
        return stepLimit;
    }

    /** WebFetch may reach the network. */
    public BooleanProperty networkProperty() {
        return network;
    }

    /** Bash commands run in a bubblewrap sandbox when bwrap is installed. */
    public BooleanProperty sandboxProperty() {
        return sandbox;
    }

    /** Whether bubblewrap is installed, and how to install it if not. */
    public ReadOnlyStringProperty sandboxStatusProperty() {
        return sandboxStatus.getReadOnlyProperty();
    }

    /** The rules of one behavior, one {@code Tool(pattern)} per line. */
    public StringProperty rulesProperty(Behavior behavior) {
        return rules.get(behavior);
    }

    /** The lines of that list that are not rules, with why; null when all are fine. */
    public ReadOnlyStringProperty rulesErrorProperty(Behavior behavior) {
        return ruleErrors.get(behavior).getReadOnlyProperty();
    }

    /** Hooks for every quest as JSON, in the "hooks" format of .qoder/settings.json; blank for none. */
    public StringProperty hooksProperty() {
        return hooks;
    }

    public ReadOnlyStringProperty hooksErrorProperty() {
        return hooksError.getReadOnlyProperty();
    }

    /** Seconds a hook may run when its entry names no timeout. */
    public ObjectProperty<Integer> hookTimeoutProperty() {
        return hookTimeout;
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

    /** Reads the stored values and looks for bubblewrap, in the background. */
    public void load() {
        tasks.run(() -> {
            AgentSettings.Rules stored = settings.get(AgentSettings.RULES);
            return new Stored(settings.get(AgentSettings.STEP_LIMIT), settings.get(AgentSettings.NETWORK),
                    settings.get(AgentSettings.SANDBOX), stored,
                    AgentRuleChecks.hooksText(settings.get(AgentSettings.HOOKS)),
                    settings.get(AgentSettings.HOOK_TIMEOUT), sandboxCheck.get());
        }, stored -> {
            stepLimit.set(clamp(stored.stepLimit(), MAX_STEP_LIMIT));
            network.set(stored.network());
            sandbox.set(stored.sandbox());
            sandboxStatus.set(stored.sandboxStatus());
            rules.get(Behavior.ALLOW).set(String.join("\n", stored.rules().allow()));
            rules.get(Behavior.ASK).set(String.join("\n", stored.rules().ask()));
            rules.get(Behavior.DENY).set(String.join("\n", stored.rules().deny()));
            hooks.set(stored.hooks());
            hookTimeout.set(clamp(stored.hookTimeout(), MAX_HOOK_TIMEOUT));
            loaded.set(true);
        }, failure -> problem.set("The agent settings could not be read: " + failure.getMessage()));
    }

    /** Checks the rules and hooks; true when all can be saved, else the problem says which to fix. */
    public boolean validate() {
        List<String> invalid = new ArrayList<>();
        for (Behavior behavior : Behavior.values()) {
            ruleErrors.get(behavior).set(AgentRuleChecks.rules(rules.get(behavior).get(), behavior));
            if (ruleErrors.get(behavior).get() != null) {
                invalid.add(label(behavior) + " rules");
            }
        }
        hooksError.set(AgentRuleChecks.hooks(hooks.get()));
        if (hooksError.get() != null) {
            invalid.add("the hooks");
        }
        problem.set(invalid.isEmpty() ? null : "Fix the marked lines in " + String.join(", ", invalid)
                + " before saving.");
        return invalid.isEmpty();
    }

    /** Writes everything; {@code onSaved} runs on the FX thread when it is stored. Refuses while invalid. */
    public void save(Runnable onSaved) {
        if (!validate()) {
            return;
        }
        JsonNode hookValue;
        try {
            hookValue = AgentRuleChecks.parseHooks(hooks.get());
        } catch (Exception e) {
            problem.set("The hooks are not valid JSON: " + e.getMessage()); // validate() said otherwise; be safe
            return;
        }
        int steps = clamp(stepLimit.get(), MAX_STEP_LIMIT);
        int timeout = clamp(hookTimeout.get(), MAX_HOOK_TIMEOUT);
        boolean networkOn = network.get();
        boolean sandboxOn = sandbox.get();
        AgentSettings.Rules chosen = new AgentSettings.Rules(AgentRuleChecks.lines(rules.get(Behavior.ALLOW).get()),
                AgentRuleChecks.lines(rules.get(Behavior.ASK).get()),
                AgentRuleChecks.lines(rules.get(Behavior.DENY).get()));
        saving.set(true);
        tasks.run(() -> {
            settings.set(AgentSettings.STEP_LIMIT, steps);
            settings.set(AgentSettings.NETWORK, networkOn);
            settings.set(AgentSettings.SANDBOX, sandboxOn);
            settings.set(AgentSettings.RULES, chosen);
            settings.set(AgentSettings.HOOKS, hookValue);
            settings.set(AgentSettings.HOOK_TIMEOUT, timeout);
            return Boolean.TRUE;
        }, done -> {
            saving.set(false);
            problem.set(null);
            onSaved.run();
        }, failure -> {
            saving.set(false);
            problem.set("The agent settings could not be saved: " + failure.getMessage());
        });
    }

    // ---- helpers -------------------------------------------------------------------------------

    static String label(Behavior behavior) {
        return switch (behavior) {
            case ALLOW -> "Allow";
            case ASK -> "Ask";
            case DENY -> "Deny";
        };
    }

    private static int clamp(Integer value, int max) {
        return value == null ? 1 : Math.max(1, Math.min(max, value));
    }

    private record Stored(int stepLimit, boolean network, boolean sandbox, AgentSettings.Rules rules, String hooks,
                          int hookTimeout, String sandboxStatus) {
    }
}
