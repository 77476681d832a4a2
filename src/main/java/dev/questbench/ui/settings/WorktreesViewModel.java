package dev.questbench.ui.settings;

import dev.questbench.domain.Quest;
import dev.questbench.domain.Workspace;
import dev.questbench.engine.QuestWorkspaces;
import dev.questbench.engine.QuestWorktrees;
import dev.questbench.store.Store;
import dev.questbench.ui.common.TaskRunner;
import dev.questbench.workspace.env.WorkspaceSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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
 * Settings → Worktrees: how many worktrees each workspace keeps, each workspace's setup script, and the disk its
 * worktrees take (measured on demand: it walks every file). Scripts edited for several workspaces are all stored
 * by Save.
 */
public final class WorktreesViewModel {
    static final int MAX_RETAINED = 100;
    static final String NO_WORKSPACES = "Worktrees are not available in this session (the workspace side of the "
            + "engine is not running), so their disk use cannot be measured. The settings below still apply.";
    static final String NOT_MEASURED = "Measure to see how much disk this workspace's worktrees take.";

    private final Store store;
    private final QuestWorkspaces workspaces;
    private final TaskRunner tasks;
    private final Path preferredFolder;
    private final ObjectProperty<Integer> maxWorktrees = new SimpleObjectProperty<>(this, "maxWorktrees",
            WorkspaceSettings.MAX_WORKTREES.defaultValue());
    private final ObservableList<Workspace> workspaceList = FXCollections.observableArrayList();
    private final ObjectProperty<Workspace> workspace = new SimpleObjectProperty<>(this, "workspace");
    private final StringProperty setupScript = new SimpleStringProperty(this, "setupScript", "");
    private final Map<String, String> storedScripts = new HashMap<>(); // workspace id → script as read
    private final Map<String, String> editedScripts = new HashMap<>(); // workspace id → script as shown or typed
    private final ObservableList<WorktreeUsageRow> usage = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper usageStatus = new ReadOnlyStringWrapper(this, "usageStatus", NOT_MEASURED);
    private final ReadOnlyBooleanWrapper measuring = new ReadOnlyBooleanWrapper(this, "measuring");
    private final ReadOnlyStringWrapper unavailable = new ReadOnlyStringWrapper(this, "unavailable", "");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final BooleanBinding canMeasure;
    private boolean switching; // the script shown is being replaced by another workspace's, not typed
    private int generation; // a measurement of a workspace no longer chosen is dropped

    /**
     * @param workspaces      the engine's workspace side, or null when it is not running (nothing to measure)
     * @param preferredFolder the workspace chosen first when it is open (e.g. the last one used), or null
     */
    public WorktreesViewModel(Store store, QuestWorkspaces workspaces, TaskRunner tasks, Path preferredFolder) {
        this.store = store;
        this.workspaces = workspaces;
        this.tasks = tasks;
        this.preferredFolder = preferredFolder;
        if (workspaces == null) {
            unavailable.set(NO_WORKSPACES);
        } else if (workspaces.gitProblem() != null) {
            unavailable.set("Worktrees are unavailable: " + workspaces.gitProblem());
        }
        canMeasure = Bindings.createBooleanBinding(() -> unavailable.get().isEmpty() && workspace.get() != null
                && !measuring.get(), unavailable, workspace, measuring);
        workspace.addListener((observable, before, chosen) -> chosen(chosen));
        setupScript.addListener((observable, before, typed) -> {
            if (!switching && workspace.get() != null) {
                editedScripts.put(workspace.get().id(), typed == null ? "" : typed);
            }
        });
    }

    // ---- properties ----------------------------------------------------------------------------

    /** Worktrees kept per workspace; older finished ones lose their folders when a new one is made. */
    public ObjectProperty<Integer> maxWorktreesProperty() {
        return maxWorktrees;
    }

    /** The open workspaces, by name, to pick whose setup script and disk use to show. */
    public ObservableList<Workspace> workspaces() {
        return workspaceList;
    }

    public ObjectProperty<Workspace> workspaceProperty() {
        return workspace;
    }

    /** The chosen workspace's setup script (bash, run in each of its new worktrees); empty for none. */
    public StringProperty setupScriptProperty() {
        return setupScript;
    }

    /** The chosen workspace's worktrees from the last Measure, oldest quest first. */
    public ObservableList<WorktreeUsageRow> usage() {
        return usage;
    }

    /** What the disk use list shows: not measured yet, measuring, the total, or why it failed. */
    public ReadOnlyStringProperty usageStatusProperty() {
        return usageStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty measuringProperty() {
        return measuring.getReadOnlyProperty();
    }

    public BooleanBinding canMeasureProperty() {
        return canMeasure;
    }

    /** Why worktrees cannot be made or measured in this session (no git, no engine side); empty when they can. */
    public ReadOnlyStringProperty unavailableProperty() {
        return unavailable.getReadOnlyProperty();
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

    /** Reads the limit, the workspaces and their setup scripts in the background. */
    public void load() {
        tasks.run(() -> {
            List<Workspace> open = store.workspaces().list();
            Map<String, String> scripts = new HashMap<>();
            for (Workspace each : open) {
                scripts.put(each.id(), Objects.requireNonNullElse(
                        store.settings().get(WorkspaceSettings.setupScript(each.id())), ""));
            }
            return new Stored(store.settings().get(WorkspaceSettings.MAX_WORKTREES), open, scripts);
        }, stored -> {
            maxWorktrees.set(clamp(stored.maxWorktrees()));
            storedScripts.putAll(stored.scripts());
            stored.scripts().forEach(editedScripts::putIfAbsent);
            workspaceList.setAll(stored.workspaces());
            workspace.set(stored.workspaces().stream().filter(this::preferred).findFirst()
                    .orElse(stored.workspaces().isEmpty() ? null : stored.workspaces().get(0)));
            loaded.set(true);
        }, failure -> problem.set("The worktree settings could not be read: " + failure.getMessage()));
    }

    /** Walks the chosen workspace's worktrees in the background and lists their size. */
    public void measure() {
        Workspace chosen = workspace.get();
        if (!canMeasure.get()) {
            return;
        }
        int mine = ++generation;
        measuring.set(true);
        usageStatus.set("Measuring the worktrees of " + chosen.name() + "…");
        QuestWorktrees worktrees = workspaces.worktrees();
        tasks.run(() -> worktrees.usage(chosen.id()).stream().map(this::row).toList(), rows -> {
            if (mine == generation) {
                measuring.set(false);
                usage.setAll(rows);
                usageStatus.set(summary(chosen, rows));
            }
        }, failure -> {
            if (mine == generation) {
                measuring.set(false);
                usage.clear();
                usageStatus.set("The worktrees of " + chosen.name() + " could not be measured: "
                        + failure.getMessage());
            }
        });
    }

    /** Writes the limit and every changed setup script; {@code onSaved} runs on the FX thread when stored. */
    public void save(Runnable onSaved) {
        int max = clamp(maxWorktrees.get());
        Map<String, String> changed = new HashMap<>();
        editedScripts.forEach((id, script) -> {
            if (!script.equals(storedScripts.getOrDefault(id, ""))) {
                changed.put(id, script);
            }
        });
        saving.set(true);
        tasks.run(() -> {
            store.settings().set(WorkspaceSettings.MAX_WORKTREES, max);
            changed.forEach((id, script) -> store.settings().set(WorkspaceSettings.setupScript(id),
                    script.isBlank() ? null : script)); // blank: no script, the setting is removed
            return Boolean.TRUE;
        }, done -> {
            saving.set(false);
            problem.set(null);
            storedScripts.putAll(changed);
            onSaved.run();
        }, failure -> {
            saving.set(false);
            problem.set("The worktree settings could not be saved: " + failure.getMessage());
        });
    }

    // ---- helpers -------------------------------------------------------------------------------

    private record Stored(int maxWorktrees, List<Workspace> workspaces, Map<String, String> scripts) {
    }

    private void chosen(Workspace chosen) {
        generation++;
        measuring.set(false);
        usage.clear();
        usageStatus.set(NOT_MEASURED);
        switching = true;
        try {
            setupScript.set(chosen == null ? "" : editedScripts.getOrDefault(chosen.id(), ""));
        } finally {
            switching = false;
        }
    }

    private boolean preferred(Workspace candidate) {
        return preferredFolder != null
                && Path.of(candidate.path()).equals(preferredFolder.toAbsolutePath().normalize());
    }

    /** Runs in the background: the quest's title is read from the store. */
    private WorktreeUsageRow row(QuestWorktrees.Usage found) {
        String title = found.questId() == null ? null
                : store.quests().get(found.questId()).map(Quest::title).orElse(null);
        return new WorktreeUsageRow(found.info().branch(), title, found.bytes(), found.info().path());
    }

    private static String summary(Workspace chosen, List<WorktreeUsageRow> rows) {
        if (rows.isEmpty()) {
            return chosen.name() + " has no Questbench worktrees.";
        }
        long total = rows.stream().mapToLong(WorktreeUsageRow::bytes).sum();
        return rows.size() + (rows.size() == 1 ? " worktree, " : " worktrees, ") + WorktreeUsageRow.megabytes(total)
                + " in all.";
    }

    private static int clamp(Integer value) {
        return value == null ? 1 : Math.max(1, Math.min(MAX_RETAINED, value));
    }
}
