package dev.questbench.ui.newquest;

import dev.questbench.agent.acp.AcpPreset;
import dev.questbench.agent.acp.AgentPresets;
import dev.questbench.agent.builtin.BuiltinAgent;
import dev.questbench.agent.webhook.WebhookPreset;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestOptions;
import dev.questbench.domain.Workspace;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.store.Setting;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DialogService;
import dev.questbench.ui.common.QuestEngine;
import dev.questbench.ui.common.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * The New Quest form: prompt, optional title, workspace folder (or none), mode, environment (with a Worktree's base
 * branch and uncommitted changes), spec-first, permission mode and the built-in agent's provider and model. Creating
 * opens the workspace and hands the quest to the executor, which sends the prompt as its first message.
 */
public final class NewQuestViewModel {
    /** The permission mode of the last quest created here, as {@link PermissionMode#wireName()}. */
    public static final Setting<String> LAST_PERMISSION_MODE =
            Setting.of("newQuest.permissionMode", String.class, PermissionMode.DEFAULT.wireName());
    static final String BYPASS_WARNING = "The agent edits files and runs commands without asking. Use it only "
            + "where nothing can be harmed, such as a worktree or a sandbox.";
    private static final System.Logger LOG = System.getLogger(NewQuestViewModel.class.getName());

    private final Store store;
    private final QuestExecutor executor;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ModelChoice modelChoice;
    private final WorktreeChoice worktreeChoice;
    private final StringProperty prompt = new SimpleStringProperty(this, "prompt", "");
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>(this, "folder");
    private final ObjectProperty<QuestMode> mode = new SimpleObjectProperty<>(this, "mode", QuestMode.AGENT);
    private final ObjectProperty<QuestEnvironment> environment =
            new SimpleObjectProperty<>(this, "environment", QuestEnvironment.LOCAL);
    private final BooleanProperty specDriven = new SimpleBooleanProperty(this, "specDriven");
    private final ObjectProperty<PermissionMode> permissionMode =
            new SimpleObjectProperty<>(this, "permissionMode", PermissionMode.DEFAULT);
    private final ReadOnlyStringWrapper permissionWarning = new ReadOnlyStringWrapper(this, "permissionWarning", "");
    private final ObservableList<Workspace> recentWorkspaces = FXCollections.observableArrayList();
    private final ObservableList<AgentChoice> agents = FXCollections.observableArrayList(AgentChoice.BUILTIN);
    private final ObjectProperty<AgentChoice> agent = new SimpleObjectProperty<>(this, "agent", AgentChoice.BUILTIN);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyBooleanWrapper creating = new ReadOnlyBooleanWrapper(this, "creating");
    private final BooleanBinding worktreeAllowed;
    private boolean permissionModeChosen; // the user's pick wins over a remembered mode that arrives later

    /** A form whose quests may pick the provider and model of the engine's built-in agent (when it has one). */
    public NewQuestViewModel(Store store, QuestEngine engine, TaskRunner tasks, DialogService dialogs,
                             Path initialFolder) {
        this(store, engine.executor(), engine.agent(), tasks, dialogs, initialFolder, System.getenv());
    }

    /** A form without a built-in agent: no provider or model to choose, quests use the defaults. */
    public NewQuestViewModel(Store store, QuestExecutor executor, TaskRunner tasks, DialogService dialogs,
                             Path initialFolder) {
        this(store, executor, null, tasks, dialogs, initialFolder, System.getenv());
    }

    /** As above, looking for git in {@code gitEnvironment}'s {@code PATH} (tests: a session without git). */
    NewQuestViewModel(Store store, QuestExecutor executor, TaskRunner tasks, DialogService dialogs,
                      Path initialFolder, Map<String, String> gitEnvironment) {
        this(store, executor, null, tasks, dialogs, initialFolder, gitEnvironment);
    }

    private NewQuestViewModel(Store store, QuestExecutor executor, BuiltinAgent agent, TaskRunner tasks,
                              DialogService dialogs, Path initialFolder, Map<String, String> gitEnvironment) {
        this.store = store;
        this.executor = executor;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.modelChoice = new ModelChoice(agent, tasks);
        this.worktreeChoice = new WorktreeChoice(tasks, gitEnvironment);
        this.worktreeAllowed = folder.isNotNull().and(worktreeChoice.unavailableProperty().isEmpty());
        folder.set(initialFolder);
        permissionMode.addListener((observable, before, chosen) -> {
            permissionModeChosen = true;
            permissionWarning.set(chosen == PermissionMode.BYPASS_PERMISSIONS ? BYPASS_WARNING : "");
        });
        // A worktree needs a repository: without one (no folder, not a repository, no git) only Local makes sense.
        worktreeAllowed.addListener((observable, before, allowed) -> {
            if (!allowed) {
                environment.set(QuestEnvironment.LOCAL);
            }
        });
        folder.addListener((observable, before, chosen) -> {
            worktreeChoice.read(chosen);
            if (!worktreeAllowed.get()) {
                environment.set(QuestEnvironment.LOCAL); // also when it was not allowed for the folder before
            }
        });
        // Branches and changes may have moved since the folder was read: read again when Worktree is picked.
        environment.addListener((observable, before, chosen) -> {
            if (chosen == QuestEnvironment.WORKTREE) {
                worktreeChoice.read(folder.get());
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

    /** The agents a quest can run on: the built-in one, then the ACP agents of Settings → Agents. */
    public ObservableList<AgentChoice> agents() {
        return FXCollections.unmodifiableObservableList(agents);
    }

    /** Which agent runs the quest; model and provider apply to the built-in agent only. */
    public ObjectProperty<AgentChoice> agentProperty() {
        return agent;
    }

    /** How freely the agent may act; starts as the mode of the last quest created here. */
    public ObjectProperty<PermissionMode> permissionModeProperty() {
        return permissionMode;
    }

    /** Empty, or what Bypass permissions risks, while it is chosen. */
    public ReadOnlyStringProperty permissionWarningProperty() {
        return permissionWarning.getReadOnlyProperty();
    }

    /** The built-in agent's provider and model for the quest. */
    public ModelChoice modelChoice() {
        return modelChoice;
    }

    /** A Worktree quest's base branch and whether the workspace's uncommitted changes go along. */
    public WorktreeChoice worktreeChoice() {
        return worktreeChoice;
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

    /** False without a folder, or when {@link WorktreeChoice#unavailableProperty()} says why not. */
    public BooleanBinding worktreeAllowedProperty() {
        return worktreeAllowed;
    }

    /** True when the form is complete enough to try. */
    public BooleanBinding canCreateProperty() {
        return Bindings.createBooleanBinding(() -> !prompt.get().isBlank() && !creating.get(), prompt, creating);
    }

    // ---- commands ------------------------------------------------------------------------------

    /**
     * Loads the recent workspaces, the last permission mode, the model providers and the folder's branches in the
     * background.
     */
    public void load() {
        worktreeChoice.read(folder.get());
        tasks.run(() -> new Remembered(store.workspaces().list(), rememberedPermissionMode(),
                store.settings().get(AgentPresets.SETTING).presets().stream()
                        .filter(preset -> !preset.command().isBlank()).map(AcpPreset::name).toList(),
                store.settings().get(WebhookPreset.SETTING).presets().stream().map(WebhookPreset::name).toList()),
                remembered -> {
            recentWorkspaces.setAll(remembered.workspaces());
            AgentChoice picked = agent.get();
            agents.setAll(AgentChoice.BUILTIN);
            remembered.agents().forEach(name -> agents.add(AgentChoice.acp(name)));
            agents.add(AgentChoice.CLOUD);
            remembered.webhooks().forEach(name -> agents.add(AgentChoice.webhook(name)));
            agent.set(agents.stream().filter(a -> a.equals(picked)).findFirst().orElse(AgentChoice.BUILTIN));
            if (!permissionModeChosen) {
                permissionMode.set(remembered.permissionMode());
                permissionModeChosen = false;
            }
        }, failure -> { });
        modelChoice.load();
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
        boolean worktree = environment.get() == QuestEnvironment.WORKTREE;
        if (worktree && chosen == null) {
            problem.set("A worktree needs a workspace folder.");
            return;
        }
        if (worktree && !worktreeChoice.unavailableProperty().get().isEmpty()) {
            problem.set(worktreeChoice.unavailableProperty().get());
            return;
        }
        problem.set(null);
        creating.set(true);
        QuestOptions options = new QuestOptions(specDriven.get(), null, permissionMode.get(),
                modelChoice.providerForQuest()).withWorktree(worktree ? worktreeChoice.forQuest() : null);
        AgentChoice runner = agent.get() == null ? AgentChoice.BUILTIN : agent.get();
        if (!runner.builtin()) {
            options = options.withProvider(null);
        }
        Draft draft = new Draft(chosen, title.get(), text, mode.get(), environment.get(), runner.backend(),
                runner.builtin() ? modelChoice.modelForQuest() : null, options);
        tasks.run(() -> createQuest(draft), id -> {
            creating.set(false);
            onCreated.accept(id);
        }, failure -> {
            creating.set(false);
            problem.set("The quest could not be created: " + failure.getMessage());
        });
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** The form's values when Start was pressed, handed to the background. */
    private record Draft(Path folder, String title, String prompt, QuestMode mode, QuestEnvironment environment,
                         String backend, String model, QuestOptions options) {
    }

    private record Remembered(List<Workspace> workspaces, PermissionMode permissionMode, List<String> agents,
                              List<String> webhooks) {
    }

    private String createQuest(Draft draft) {
        String workspaceId = draft.folder() == null ? null : store.workspaces().open(draft.folder().toString()).id();
        Instant now = Instant.now();
        Quest quest = Quest.create(draft.title(), draft.prompt(), workspaceId, draft.mode(), draft.environment(), now)
                .withBackend(draft.backend(), draft.model(), now)
                .withOptions(draft.options(), now);
        String id = executor.create(quest).id();
        try {
            store.settings().set(LAST_PERMISSION_MODE, draft.options().permissionMode().wireName());
        } catch (RuntimeException e) {
            // The quest exists; only the convenience of the next form's preset is lost.
            LOG.log(System.Logger.Level.WARNING, "the permission mode could not be remembered: " + e.getMessage());
        }
        return id;
    }

    private PermissionMode rememberedPermissionMode() {
        try {
            return PermissionMode.fromWire(store.settings().get(LAST_PERMISSION_MODE));
        } catch (IllegalArgumentException e) {
            return PermissionMode.DEFAULT; // written by another version; the safe mode is the answer
        }
    }
}
