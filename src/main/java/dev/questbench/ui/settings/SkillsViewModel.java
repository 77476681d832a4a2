package dev.questbench.ui.settings;

import dev.questbench.agent.builtin.AgentSettings;
import dev.questbench.agent.builtin.skills.Skill;
import dev.questbench.agent.builtin.skills.Skills;
import dev.questbench.domain.Workspace;
import dev.questbench.store.Store;
import dev.questbench.ui.common.TaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Settings → Skills: the skills of the user ({@code ~/.qoder/skills}) and of every open workspace, each with
 * where it comes from and a switch. The switches are stored when the dialog is saved (Cancel drops them); a
 * disabled skill is neither listed to the built-in agent nor offered as {@code /name}.
 */
public final class SkillsViewModel {
    /** One listed skill. */
    public record Row(String name, String description, String source, String folder, boolean enabled) {
    }

    private record Loaded(List<Row> rows, Set<String> disabled) {
    }

    private final Store store;
    private final Path home;
    private final TaskRunner tasks;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final Set<String> disabled = new LinkedHashSet<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");

    public SkillsViewModel(Store store, Path home, TaskRunner tasks) {
        this.store = store;
        this.home = home;
        this.tasks = tasks;
    }

    public ObservableList<Row> rows() {
        return rowsView;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** True once the skills and switches are read: Save waits for it, so it never stores a half-read page. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** Reads the skill folders and the switches, off the FX thread. */
    public void load() {
        tasks.run(this::read, found -> {
            disabled.clear();
            disabled.addAll(found.disabled());
            rows.setAll(found.rows());
            loaded.set(true);
        }, failure -> {
            problem.set("The skills could not be read: " + failure.getMessage());
            loaded.set(true); // the page stays empty; Save still stores the other pages
        });
    }

    /** Switches one skill on or off; stored on Save. */
    public void setEnabled(String name, boolean enabled) {
        if (enabled) {
            disabled.remove(name);
        } else {
            disabled.add(name);
        }
        rows.replaceAll(row -> row.name().equals(name) ? new Row(row.name(), row.description(), row.source(),
                row.folder(), enabled) : row);
    }

    /** Stores the switches, then runs {@code onSaved}; on failure says why and does not run it. */
    public void save(Runnable onSaved) {
        if (!loaded.get()) {
            onSaved.run(); // nothing was read, so nothing can have changed
            return;
        }
        problem.set(null);
        saving.set(true);
        String[] off = disabled.toArray(String[]::new);
        tasks.run(() -> {
            store.settings().set(AgentSettings.DISABLED_SKILLS, off);
            return off;
        }, stored -> {
            saving.set(false);
            onSaved.run();
        }, failure -> {
            saving.set(false);
            problem.set("The skill switches could not be saved: " + failure.getMessage());
        });
    }

    private Loaded read() {
        Set<String> off = new LinkedHashSet<>(List.of(store.settings().get(AgentSettings.DISABLED_SKILLS)));
        List<Row> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Skill skill : Skills.discover(null, home)) {
            add(out, seen, skill, "user", off);
        }
        for (Workspace workspace : store.workspaces().list()) {
            for (Skill skill : Skills.discover(Path.of(workspace.path()), null)) {
                add(out, seen, skill, "project " + workspace.name(), off);
            }
        }
        return new Loaded(out, off);
    }

    private static void add(List<Row> out, Set<String> seen, Skill skill, String source, Set<String> disabled) {
        if (seen.add(skill.folder().toString())) {
            out.add(new Row(skill.name(), skill.description(), source, skill.folder().toString(),
                    !disabled.contains(skill.name())));
        }
    }
}
