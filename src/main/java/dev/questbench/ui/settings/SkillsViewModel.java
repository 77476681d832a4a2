package dev.questbench.ui.settings;

import dev.questbench.agent.builtin.AgentSettings;
import dev.questbench.agent.builtin.skills.Skill;
import dev.questbench.agent.builtin.skills.Skills;
import dev.questbench.domain.Workspace;
import dev.questbench.store.Settings;
import dev.questbench.store.Store;
import dev.questbench.ui.common.TaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Settings → Skills: the skills of the user ({@code ~/.qoder/skills}) and of every open workspace, each with
 * where it comes from and a switch. A switch is stored at once; a disabled skill is neither listed to the
 * built-in agent nor offered as {@code /name}.
 */
public final class SkillsViewModel {
    /** One listed skill. */
    public record Row(String name, String description, String source, String folder, boolean enabled) {
    }

    private final Store store;
    private final Path home;
    private final TaskRunner tasks;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");

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

    /** Reads the skill folders and the switches, off the FX thread. */
    public void load() {
        tasks.run(this::read, rows::setAll, failure -> problem.set("The skills could not be read: "
                + failure.getMessage()));
    }

    /** Switches one skill on or off and stores the choice. */
    public void setEnabled(String name, boolean enabled) {
        problem.set(null);
        tasks.run(() -> {
            Settings settings = store.settings();
            Set<String> disabled = new LinkedHashSet<>(List.of(settings.get(AgentSettings.DISABLED_SKILLS)));
            if (enabled) {
                disabled.remove(name);
            } else {
                disabled.add(name);
            }
            settings.set(AgentSettings.DISABLED_SKILLS, disabled.toArray(String[]::new));
            return read();
        }, rows::setAll, failure -> problem.set("The skill switch could not be saved: " + failure.getMessage()));
    }

    private List<Row> read() {
        Set<String> disabled = Set.of(store.settings().get(AgentSettings.DISABLED_SKILLS));
        List<Row> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Skill skill : Skills.discover(null, home)) {
            add(out, seen, skill, "user", disabled);
        }
        for (Workspace workspace : store.workspaces().list()) {
            for (Skill skill : Skills.discover(Path.of(workspace.path()), null)) {
                add(out, seen, skill, "project " + workspace.name(), disabled);
            }
        }
        return out;
    }

    private static void add(List<Row> out, Set<String> seen, Skill skill, String source, Set<String> disabled) {
        if (seen.add(skill.folder().toString())) {
            out.add(new Row(skill.name(), skill.description(), source, skill.folder().toString(),
                    !disabled.contains(skill.name())));
        }
    }
}
