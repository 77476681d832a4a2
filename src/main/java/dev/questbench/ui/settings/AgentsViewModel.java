package dev.questbench.ui.settings;

import dev.questbench.agent.acp.AcpPreset;
import dev.questbench.agent.acp.AcpSettings;
import dev.questbench.agent.acp.AgentPresets;
import dev.questbench.store.SecretStore;
import dev.questbench.store.Settings;
import dev.questbench.ui.common.TaskRunner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Settings → Agents: the external ACP agents quests can run on (command line, environment, folder), their start and
 * idle timeouts, and the remote agents ({@link RemoteAgentsForm}). The form edits the selected preset; Save checks
 * names, commands and the remote settings, then stores all.
 */
public final class AgentsViewModel {
    static final int MAX_TIMEOUT = 86_400;

    private final Settings settings;
    private final SecretStore secrets;
    private final TaskRunner tasks;
    private final RemoteAgentsForm remote = new RemoteAgentsForm();
    private final List<AcpPreset> presets = new ArrayList<>();
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty command = new SimpleStringProperty(this, "command", "");
    private final StringProperty environment = new SimpleStringProperty(this, "environment", "");
    private final StringProperty folder = new SimpleStringProperty(this, "folder", "");
    private final ObjectProperty<Integer> startTimeout = new SimpleObjectProperty<>(this, "startTimeout",
            AcpSettings.START_TIMEOUT.defaultValue());
    private final ObjectProperty<Integer> idleTimeout = new SimpleObjectProperty<>(this, "idleTimeout",
            AcpSettings.IDLE_TIMEOUT.defaultValue());
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private boolean switching;

    /** A form without the secrets file: the Cloud token cannot be changed here. */
    public AgentsViewModel(Settings settings, TaskRunner tasks) {
        this(settings, null, tasks);
    }

    public AgentsViewModel(Settings settings, SecretStore secrets, TaskRunner tasks) {
        this.settings = settings;
        this.secrets = secrets;
        this.tasks = tasks;
        selected.addListener((observable, before, now) -> {
            commit(before.intValue()); // the form still shows the one left
            show(now.intValue());
        });
        name.addListener((observable, before, now) -> {
            int index = selected.get();
            if (!switching && index >= 0 && index < names.size()) {
                names.set(index, now);
            }
        });
    }

    // ---- properties ----------------------------------------------------------------------------

    /** The presets' names, in order, for the list. */
    public ObservableList<String> names() {
        return FXCollections.unmodifiableObservableList(names);
    }

    /** The index of the preset the form edits, or -1. */
    public IntegerProperty selectedProperty() {
        return selected;
    }

    /** Its name: quests name it as their agent, the command line as {@code --agent NAME}. */
    public StringProperty nameProperty() {
        return name;
    }

    /** The command line that starts it, e.g. {@code gemini --experimental-acp}. */
    public StringProperty commandProperty() {
        return command;
    }

    /** Extra environment variables, one {@code NAME=value} per line. */
    public StringProperty environmentProperty() {
        return environment;
    }

    /** The folder it starts in; blank for the quest's folder. */
    public StringProperty folderProperty() {
        return folder;
    }

    /** The Cloud Agents service and the webhook agents. */
    public RemoteAgentsForm remote() {
        return remote;
    }

    /** Whether a Cloud token can be entered (the form has the secrets file). */
    public boolean canStoreToken() {
        return secrets != null;
    }

    public ObjectProperty<Integer> startTimeoutProperty() {
        return startTimeout;
    }

    public ObjectProperty<Integer> idleTimeoutProperty() {
        return idleTimeout;
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
        tasks.run(() -> new Stored(settings.get(AgentPresets.SETTING), settings.get(AcpSettings.START_TIMEOUT),
                settings.get(AcpSettings.IDLE_TIMEOUT), RemoteAgentsForm.read(settings, secrets)), stored -> {
                    replaceAll(stored.presets().presets());
                    remote.show(stored.remote());
                    startTimeout.set(stored.start());
                    idleTimeout.set(stored.idle());
                    loaded.set(true);
                }, failure -> problem.set("The agent presets could not be read: " + failure.getMessage()));
    }

    /** Adds a blank preset and selects it. */
    public void add() {
        commit();
        Set<String> taken = new HashSet<>(names);
        String fresh = "agent";
        for (int n = 2; taken.contains(fresh); n++) {
            fresh = "agent-" + n;
        }
        presets.add(new AcpPreset(fresh, "", List.of()));
        names.add(fresh);
        selected.set(presets.size() - 1);
    }

    /** Removes the selected preset; quests that named it then say it is missing. */
    public void remove() {
        int index = selected.get();
        if (index < 0 || index >= presets.size()) {
            return;
        }
        presets.remove(index);
        names.remove(index);
        switching = true;
        selected.set(-1);
        switching = false;
        selected.set(Math.min(index, presets.size() - 1));
    }

    /** Puts back the ready entries (Qoder, Gemini, Claude Code, Codex, goose, OpenCode, custom). */
    public void resetToDefaults() {
        replaceAll(AgentPresets.DEFAULT.presets());
    }

    /** True when every preset has a unique name and a command that parses; else the problem says what to fix. */
    public boolean validate() {
        List<AcpPreset> all;
        try {
            all = edited();
            remote.edited();
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return false;
        }
        Set<String> seen = new HashSet<>();
        for (AcpPreset preset : all) {
            if (preset.name().isBlank() || preset.name().contains(" ")) {
                problem.set("Every agent needs a name without spaces (quests and --agent use it).");
                return false;
            }
            if (!seen.add(preset.name().toLowerCase(Locale.ROOT))) {
                problem.set("Two agents are named '" + preset.name() + "'; rename one.");
                return false;
            }
        }
        problem.set(null);
        return true;
    }

    public void save(Runnable onSaved) {
        if (!validate()) {
            return;
        }
        AgentPresets chosen = new AgentPresets(edited());
        RemoteAgentsForm.Edited remoteEdits = remote.edited();
        int start = clamp(startTimeout.get());
        int idle = clamp(idleTimeout.get());
        saving.set(true);
        tasks.run(() -> {
            settings.set(AgentPresets.SETTING, chosen);
            settings.set(AcpSettings.START_TIMEOUT, start);
            settings.set(AcpSettings.IDLE_TIMEOUT, idle);
            RemoteAgentsForm.write(remoteEdits, settings, secrets);
            return Boolean.TRUE;
        }, done -> {
            saving.set(false);
            onSaved.run();
        }, failure -> {
            saving.set(false);
            problem.set("The agent presets could not be saved: " + failure.getMessage());
        });
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** The presets with the form's edits applied; throws with a message when a command line does not parse. */
    List<AcpPreset> edited() {
        commit();
        return List.copyOf(presets);
    }

    private void replaceAll(List<AcpPreset> all) {
        switching = true;
        presets.clear();
        presets.addAll(all);
        names.setAll(all.stream().map(AcpPreset::name).toList());
        selected.set(-1);
        switching = false;
        selected.set(all.isEmpty() ? -1 : 0);
    }

    private void commit() {
        commit(selected.get());
    }

    /** Writes the form into the preset at this index. */
    private void commit(int index) {
        if (switching || index < 0 || index >= presets.size()) {
            return;
        }
        String line = command.get() == null ? "" : command.get().strip();
        AcpPreset parsed = line.isEmpty() ? new AcpPreset(name.get(), "", List.of())
                : AcpPreset.parse(name.get(), line);
        presets.set(index, new AcpPreset(name.get(), parsed.command(), parsed.args(), environment(environment.get()),
                folder.get()));
    }

    private void show(int index) {
        if (switching) {
            return;
        }
        switching = true;
        AcpPreset preset = index >= 0 && index < presets.size() ? presets.get(index) : null;
        name.set(preset == null ? "" : preset.name());
        command.set(preset == null ? "" : preset.commandLine());
        StringBuilder env = new StringBuilder();
        if (preset != null) {
            preset.env().forEach((key, value) -> env.append(key).append('=').append(value).append('\n'));
        }
        environment.set(env.toString().strip());
        folder.set(preset == null || preset.workingDirectory() == null ? "" : preset.workingDirectory());
        switching = false;
    }

    static Map<String, String> environment(String text) {
        Map<String, String> env = new LinkedHashMap<>();
        if (text == null) {
            return env;
        }
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                env.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
            }
        }
        return env;
    }

    private static int clamp(Integer value) {
        return value == null ? 1 : Math.max(1, Math.min(MAX_TIMEOUT, value));
    }

    private record Stored(AgentPresets presets, int start, int idle, RemoteAgentsForm.Stored remote) {
    }
}
