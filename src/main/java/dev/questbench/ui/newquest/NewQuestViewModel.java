package dev.questbench.ui.newquest;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestOptions;
import dev.questbench.domain.Workspace;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DialogService;
import dev.questbench.ui.common.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The New Quest form: prompt, optional title, workspace folder (or none), mode, environment and spec-first.
 * Creating opens the workspace and hands the quest to the executor, which sends the prompt as its first message.
 */
public final class NewQuestViewModel {
    private final Store store;
    private final QuestExecutor executor;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final StringProperty prompt = new SimpleStringProperty(this, "prompt", "");
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>(this, "folder");
    private final ObjectProperty<QuestMode> mode = new SimpleObjectProperty<>(this, "mode", QuestMode.AGENT);
    private final ObjectProperty<QuestEnvironment> environment =
            new SimpleObjectProperty<>(this, "environment", QuestEnvironment.LOCAL);
    private final BooleanProperty specDriven = new SimpleBooleanProperty(this, "specDriven");
    private final ObservableList<Workspace> recentWorkspaces = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyBooleanWrapper creating = new ReadOnlyBooleanWrapper(this, "creating");
    private final BooleanBinding worktreeAllowed = folder.isNotNull();

    public NewQuestViewModel(Store store, QuestExecutor executor, TaskRunner tasks, DialogService dialogs,
                             Path initialFolder) {
        this.store = store;
        this.executor = executor;
        this.tasks = tasks;
        this.dialogs = dialogs;
        folder.set(initialFolder);
        // A worktree needs a repository: without a workspace only Local makes sense.
        worktreeAllowed.addListener((observable, before, allowed) -> {
            if (!allowed) {
                environment.set(QuestEnvironment.LOCAL);
            }
        });
        prompt.addListener((observable, before, after) -> problem.set(null));
    }

    // ---- properties ----------------------------------------------------------------------------

    public StringProperty promptProperty() {
        return prompt;
    }

    public StringProperty titleProperty() {
        return title;
    }

    /** The workspace folder, or null for a quest bound to no workspace. */
    public ObjectProperty<Path> folderProperty() {
        return folder;
    }

    public ObjectProperty<QuestMode> modeProperty() {
        return mode;
    }

    public ObjectProperty<QuestEnvironment> environmentProperty() {
        return environment;
    }

    /** Spec-driven: the first turn writes a spec and the quest waits for Build. */
    public BooleanProperty specDrivenProperty() {
        return specDriven;
    }

    /** Workspaces opened before, for the recent-workspaces picker. */
    public ObservableList<Workspace> recentWorkspaces() {
        return recentWorkspaces;
    }

    /** What stops the quest from being created, said so the user can fix it; null when nothing does. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty creatingProperty() {
        return creating.getReadOnlyProperty();
    }

    public BooleanBinding worktreeAllowedProperty() {
        return worktreeAllowed;
    }

    /** True when the form is complete enough to try. */
    public BooleanBinding canCreateProperty() {
        return Bindings.createBooleanBinding(() -> !prompt.get().isBlank() && !creating.get(), prompt, creating);
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Loads the recent workspaces in the background. */
    public void loadRecentWorkspaces() {
        tasks.run(() -> store.workspaces().list(), recentWorkspaces::setAll, failure -> { });
    }

    /** Asks for a folder through the dialog service. */
    public void chooseFolder() {
        Path start = folder.get() != null ? folder.get() : Path.of(System.getProperty("user.home"));
        dialogs.chooseFolder("Choose a workspace folder", start).ifPresent(folder::set);
    }

    /** Validates, then creates the quest in the background; {@code onCreated} gets its id on the FX thread. */
    public void create(Consumer<String> onCreated) {
        String text = prompt.get() == null ? "" : prompt.get().strip();
        if (text.isEmpty()) {
            problem.set("Describe the goal: what should the agent do?");
            return;
        }
        Path chosen = folder.get();
        if (chosen != null && !Files.isDirectory(chosen)) {
            problem.set("The folder " + chosen + " does not exist. Choose another, or pick No workspace.");
            return;
        }
        if (environment.get() == QuestEnvironment.WORKTREE && chosen == null) {
            problem.set("A worktree needs a workspace folder.");
            return;
        }
        problem.set(null);
        creating.set(true);
        String name = title.get();
        QuestMode chosenMode = mode.get();
        QuestEnvironment chosenEnvironment = environment.get();
        boolean spec = specDriven.get();
        tasks.run(() -> createQuest(chosen, name, text, chosenMode, chosenEnvironment, spec), id -> {
            creating.set(false);
            onCreated.accept(id);
        }, failure -> {
            creating.set(false);
            problem.set("The quest could not be created: " + failure.getMessage());
        });
    }

    // ---- helpers -------------------------------------------------------------------------------

    private String createQuest(Path chosen, String name, String text, QuestMode chosenMode,
                               QuestEnvironment chosenEnvironment, boolean spec) {
        String workspaceId = chosen == null ? null : store.workspaces().open(chosen.toString()).id();
        Instant now = Instant.now();
        Quest quest = Quest.create(name, text, workspaceId, chosenMode, chosenEnvironment, now);
        if (spec) {
            quest = quest.withOptions(new QuestOptions(true, null, quest.options().permissionMode()), now);
        }
        return executor.create(quest).id();
    }
}
