package dev.questbench.ui.shell;

import dev.questbench.domain.QuestSummary;
import dev.questbench.store.Settings;
import dev.questbench.store.Store;
import dev.questbench.ui.board.BoardViewModel;
import dev.questbench.ui.common.Debouncer;
import dev.questbench.ui.common.DialogService;
import dev.questbench.ui.common.QuestEngine;
import dev.questbench.ui.common.TaskRunner;
import dev.questbench.ui.common.ThrottledExecutor;
import dev.questbench.ui.composer.ComposerViewModel;
import dev.questbench.ui.quest.CardActions;
import dev.questbench.ui.quest.ConversationViewModel;
import dev.questbench.ui.quest.EditMessageDialog;
import dev.questbench.ui.quest.GoalViewModel;
import dev.questbench.ui.quest.MessageActions;
import dev.questbench.ui.quest.QuestActions;
import dev.questbench.ui.quest.QuestSummaryViewModel;
import dev.questbench.ui.preview.PreviewViewModel;
import dev.questbench.ui.preview.SystemApps;
import dev.questbench.ui.review.ReviewViewModel;
import dev.questbench.ui.schedule.ScheduleForms;
import dev.questbench.ui.schedule.SchedulesViewModel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The window's state: which view shows (quest or board), which quest is selected, whether the function area
 * is open, the theme; it owns the screens' ViewModels and remembers its state in {@link Settings}.
 */
public final class ShellViewModel implements AutoCloseable {
    private final Store store;
    private final QuestEngine engine;
    private dev.questbench.server.LocalServer localServer; // Settings → Server; see localServer()
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final QuestListViewModel questList;
    private final BoardViewModel board;
    private final ConversationViewModel conversation;
    private final QuestSummaryViewModel summary;
    private final ComposerViewModel composer;
    private final GoalViewModel goal;
    private final QuestActions questActions;
    private final CardActions cardActions;
    private final MessageActions messageActions;
    private final ConnectModelViewModel connectModel;
    private final QuestTilesViewModel tiles;
    private final javafx.beans.property.ObjectProperty<Integer> textSize =
            new javafx.beans.property.SimpleObjectProperty<>(this, "textSize",
                    dev.questbench.ui.settings.DisplaySettings.TEXT_SIZE.defaultValue());
    private final SchedulesViewModel schedules;
    private final ReviewViewModel review;
    private final PreviewViewModel preview;
    private final dev.questbench.ui.experts.ExpertTeamViewModel experts;
    private final ReadOnlyObjectWrapper<MainView> view = new ReadOnlyObjectWrapper<>(this, "view", MainView.QUEST);
    private final StringProperty selectedQuestId = new SimpleStringProperty(this, "selectedQuestId");
    private final ReadOnlyBooleanWrapper functionAreaCollapsed = new ReadOnlyBooleanWrapper(this, "collapsed");
    private final ObjectProperty<ThemePreference> theme =
            new SimpleObjectProperty<>(this, "theme", ThemePreference.SYSTEM);
    private final ReadOnlyBooleanWrapper systemDark = new ReadOnlyBooleanWrapper(this, "systemDark");
    private final BooleanBinding dark = Bindings.createBooleanBinding(
            () -> theme.get().isDark(systemDark.get()), theme, systemDark);
    private final ObjectBinding<QuestSummary> questInView;
    private Path lastFolder;

    /** Create on the FX thread; reads the remembered state synchronously (a few small settings rows). */
    public ShellViewModel(Store store, QuestEngine engine, TaskRunner tasks, DialogService dialogs,
                          Executor fxExecutor, Debouncer searchDebouncer, boolean systemPrefersDark) {
        this.store = store;
        this.engine = engine;
        this.tasks = tasks;
        this.dialogs = dialogs;
        // Lists of many quests redraw at most five times a second; one quest's conversation follows every pulse.
        this.questList = new QuestListViewModel(store, tasks, dialogs, throttled(fxExecutor));
        this.board = new BoardViewModel(store, tasks, searchDebouncer, throttled(fxExecutor));
        this.conversation = new ConversationViewModel(store, engine.executor(), tasks, fxExecutor);
        this.summary = new QuestSummaryViewModel(store, tasks, fxExecutor);
        this.review = new ReviewViewModel(store, engine, tasks, dialogs, fxExecutor);
        this.preview = new PreviewViewModel(store, engine, tasks, dialogs, SystemApps.desktop(), fxExecutor,
                new ThrottledExecutor(fxExecutor, java.time.Duration.ofMillis(400)));
        this.composer = new ComposerViewModel(store, engine, tasks, fxExecutor);
        this.experts = new dev.questbench.ui.experts.ExpertTeamViewModel(store, tasks, fxExecutor);
        this.connectModel = new ConnectModelViewModel(engine.agent(), System.getenv(), tasks);
        // an external (ACP) agent's own slash commands, as it last announced them (read off the FX thread)
        composer.addCommandSource((quest, folder) -> {
            java.util.List<dev.questbench.domain.event.JournalEntry> sessions = store.journal().readByType(quest.id(),
                    java.util.Set.of("quest.agent_session"), 0);
            if (sessions.isEmpty()) {
                return java.util.List.of();
            }
            var latest = (dev.questbench.domain.event.QuestEvent.ExternalSession) sessions.get(sessions.size() - 1)
                    .event();
            return latest.commands().stream().map(name -> dev.questbench.ui.composer.SlashCommand.agent(
                    name.startsWith("/") ? name.substring(1) : name, "Command of " + latest.agent())).toList();
        });
        composer.addCommandSource(dev.questbench.ui.composer.SlashCommandSource.skills(store.settings(),
                java.nio.file.Path.of(System.getProperty("user.home"))));
        this.goal = new GoalViewModel(store, engine, tasks, dialogs, fxExecutor);
        this.questActions = new QuestActions(engine.executor(), engine.workspaces(), tasks, dialogs, this::openQuest);
        this.cardActions = new CardActions(store, engine, tasks, dialogs, conversation.questIdProperty()::get,
                questActions);
        this.tiles = new QuestTilesViewModel(store, engine, tasks, dialogs, fxExecutor, questActions);
        tiles.restore();
        this.messageActions = new MessageActions(store, engine.workspaces(), tasks, dialogs,
                conversation.questIdProperty(), conversation.statusProperty(), EditMessageDialog.editor(dialogs));
        this.schedules = new SchedulesViewModel(engine.scheduler(), tasks, dialogs, fxExecutor, this::openQuest,
                ScheduleForms.dialogs(engine.scheduler(), store, tasks, dialogs));
        this.questInView = Bindings.createObjectBinding(
                () -> view.get() == MainView.QUEST ? summary.summaryProperty().get() : null, view,
                summary.summaryProperty());
        summary.summaryProperty().addListener((observable, before, after) -> {
            goal.show(after);
            if (before != null && after == null && before.id().equals(selectedQuestId.get())) {
                selectedQuestId.set(null); // the open quest was deleted: back to the empty state
            }
        });
        questList.setOnFinishedUnseen(this::finishedWhileAway);
        systemDark.set(systemPrefersDark);
        Settings settings = store.settings();
        theme.set(settings.get(ShellSettings.THEME));
        functionAreaCollapsed.set(settings.get(ShellSettings.FUNCTION_AREA_COLLAPSED));
        textSize.set(dev.questbench.ui.settings.DisplaySettings.clampTextSize(
                settings.get(dev.questbench.ui.settings.DisplaySettings.TEXT_SIZE)));
        view.set(MainView.named(settings.get(ShellSettings.LAST_VIEW)));
        view.addListener((observable, before, after) -> reloadSchedulesIfShown());
        selectedQuestId.set(settings.get(ShellSettings.SELECTED_QUEST));
        selectedQuestId.addListener((observable, before, id) -> showQuest(id));
        theme.addListener((observable, before, after) -> remember(() -> settings.set(ShellSettings.THEME, after)));
        showQuest(selectedQuestId.get());
        questList.reload();
        board.reload();
        reloadSchedulesIfShown();
    }

    // ---- properties ----------------------------------------------------------------------------

    public SchedulesViewModel schedules() {
        return schedules;
    }

    /** The conversation's text size in points; Settings sets it on Save. */
    public javafx.beans.property.ObjectProperty<Integer> textSizeProperty() {
        return textSize;
    }

    /** Quests opened in panes beside the main conversation. */
    public QuestTilesViewModel tiles() {
        return tiles;
    }

    /** The first-run "Connect a model" card's check. */
    public ConnectModelViewModel connectModel() {
        return connectModel;
    }

    public QuestListViewModel questList() {
        return questList;
    }

    public BoardViewModel board() {
        return board;
    }

    public ConversationViewModel conversation() {
        return conversation;
    }

    public QuestSummaryViewModel summary() {
        return summary;
    }

    /** The Review tab: the selected quest's changes. */
    public ReviewViewModel review() {
        return review;
    }

    /** The Preview tab: the selected quest's artifacts and dev servers. */
    /** The Expert Team Canvas of the selected quest. */
    public dev.questbench.ui.experts.ExpertTeamViewModel experts() {
        return experts;
    }

    public PreviewViewModel preview() {
        return preview;
    }

    public ComposerViewModel composer() {
        return composer;
    }

    public GoalViewModel goal() {
        return goal;
    }

    public QuestActions questActions() {
        return questActions;
    }

    public CardActions cardActions() {
        return cardActions;
    }

    /** Revert and Edit and resend on the user's messages in the conversation. */
    public MessageActions messageActions() {
        return messageActions;
    }

    /** The engine the window drives (executor, goal and spec modes, scheduler). */
    /**
     * The local agent server Settings → Server starts and stops; null when the engine has no built-in agent.
     * Created on first use; stopped when the window closes.
     */
    public synchronized dev.questbench.server.LocalServer localServer() {
        if (localServer == null && engine.agent() != null) {
            localServer = new dev.questbench.server.LocalServer(store, engine.executor(), engine.agent(),
                    dev.questbench.server.ServerOptions.defaults());
        }
        return localServer;
    }

    public QuestEngine engine() {
        return engine;
    }

    /** The selected quest while its conversation shows; null on the board, so quest shortcuts act on nothing. */
    public ObjectBinding<QuestSummary> questInViewProperty() {
        return questInView;
    }

    /** How many quests need the user: waiting for an answer, failed, interrupted, or finished and not seen. */
    public javafx.beans.property.ReadOnlyIntegerProperty attentionProperty() {
        return questList.attentionProperty();
    }

    public ReadOnlyObjectProperty<MainView> viewProperty() {
        return view.getReadOnlyProperty();
    }

    /** The selected quest's id, or null; the quest list writes it when the user picks a row. */
    public StringProperty selectedQuestIdProperty() {
        return selectedQuestId;
    }

    public ReadOnlyBooleanProperty functionAreaCollapsedProperty() {
        return functionAreaCollapsed.getReadOnlyProperty();
    }

    /** The theme the user chose in View ▸ Theme; remembered. */
    public ObjectProperty<ThemePreference> themeProperty() {
        return theme;
    }

    /** Whether the dark theme applies now (the choice, or the system's preference for System). */
    public BooleanBinding darkProperty() {
        return dark;
    }

    Store store() {
        return store;
    }

    TaskRunner tasks() {
        return tasks;
    }

    DialogService dialogs() {
        return dialogs;
    }

    /** The folder the next New Quest starts with: the last one opened or used. */
    Path lastFolder() {
        return lastFolder;
    }

    // ---- commands ------------------------------------------------------------------------------

    public void toggleBoard() {
        view.set(view.get() == MainView.BOARD ? MainView.QUEST : MainView.BOARD);
    }

    /** The Schedules page (View ▸ Schedules, or the clock entry under the quest list); again goes back. */
    public void toggleSchedules() {
        view.set(view.get() == MainView.SCHEDULES ? MainView.QUEST : MainView.SCHEDULES);
    }

    public void showSchedules() {
        view.set(MainView.SCHEDULES);
    }

    public void showBoard() {
        view.set(MainView.BOARD);
    }

    /** Opens the next (+1) or previous (-1) quest in the list's order, wrapping around. */
    public void stepQuest(int direction) {
        java.util.List<String> ids = questList.rows().stream()
                .filter(row -> row instanceof QuestListRow.Item).map(QuestListRow::key).toList();
        if (ids.isEmpty()) {
            return;
        }
        int at = ids.indexOf(selectedQuestIdProperty().get());
        int next = at < 0 ? (direction > 0 ? 0 : ids.size() - 1) : Math.floorMod(at + direction, ids.size());
        openQuest(ids.get(next));
    }

    public void toggleFunctionArea() {
        functionAreaCollapsed.set(!functionAreaCollapsed.get());
    }

    /** Selects a quest and shows its conversation (from the board, the list or a new quest). */
    public void openQuest(String questId) {
        selectedQuestId.set(questId);
        view.set(MainView.QUEST);
        if (questId != null) {
            setRead(questId, true);
        }
    }

    /** Asks for a folder and adds it as a workspace; new quests start in it. */
    public void openWorkspace() {
        dialogs.chooseFolder("Open a workspace folder", lastFolder).ifPresent(folder -> {
            lastFolder = folder;
            tasks.run(() -> store.workspaces().open(folder.toString()), workspace -> {
                questList.addWorkspace(workspace);
                board.reload();
            }, failure -> dialogs.showError("The workspace could not be opened", failure.getMessage()));
        });
    }

    /** Remembers a folder a quest was just created in. */
    void rememberFolder(Path folder) {
        if (folder != null) {
            lastFolder = folder;
        }
    }

    /** Writes the view state to settings; called when the window closes, so it runs on the caller's thread. */
    public void saveState() {
        Settings settings = store.settings();
        settings.set(ShellSettings.LAST_VIEW, view.get().name());
        settings.set(ShellSettings.SELECTED_QUEST, selectedQuestId.get());
        settings.set(ShellSettings.FUNCTION_AREA_COLLAPSED, functionAreaCollapsed.get());
    }

    @Override
    public void close() {
        synchronized (this) {
            if (localServer != null) {
                localServer.close();
            }
        }
        questList.close();
        board.close();
        conversation.close();
        summary.close();
        review.close();
        preview.close();
        experts.close();
        composer.close();
        tiles.close();
        goal.close();
        schedules.close();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private void reloadSchedulesIfShown() {
        if (view.get() == MainView.SCHEDULES) {
            schedules.reload();
        }
    }

    private void showQuest(String id) {
        conversation.show(id);
        summary.show(id);
        review.show(id);
        preview.show(id);
        experts.show(id);
        composer.show(id);
        if (id != null) {
            setRead(id, true); // opening a quest is reading it
        }
    }

    /** A quest finished while the user looked elsewhere: it stays marked until opened. */
    private void finishedWhileAway(QuestSummary finished) {
        boolean watching = view.get() == MainView.QUEST && finished.id().equals(selectedQuestId.get());
        if (!watching) {
            setRead(finished.id(), false);
        }
    }

    private void setRead(String id, boolean read) {
        remember(() -> store.quests().get(id).filter(quest -> quest.read() != read)
                .ifPresent(quest -> store.quests().update(quest.withRead(read, Instant.now()))));
    }

    private static Executor throttled(Executor fxExecutor) {
        return new ThrottledExecutor(fxExecutor, java.time.Duration.ofMillis(200));
    }

    private void remember(TaskRunner.CheckedRunnable write) {
        tasks.run(write, failure -> { }); // a lost preference is not worth a dialog
    }
}
