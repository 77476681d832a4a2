package dev.questbench.ui.shell;

import dev.questbench.ui.common.Command;
import dev.questbench.ui.newquest.NewQuestDialog;
import dev.questbench.ui.newquest.NewQuestViewModel;
import dev.questbench.ui.quest.QuestActions;
import dev.questbench.ui.settings.AgentViewModel;
import dev.questbench.ui.settings.ModelsViewModel;
import dev.questbench.ui.settings.SettingsDialog;
import dev.questbench.ui.settings.SettingsViewModel;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import org.kordamp.ikonli.feather.Feather;

/** The window's commands, defined once for the menu bar, the buttons and the shortcuts. */
final class ShellCommands {
    final Command newQuest;
    final Command openWorkspace;
    final Command quit;
    final Command toggleBoard;
    final Command toggleFunctionArea;
    final Command toggleSchedules;
    final Command settings;
    final Command palette;
    final Command setUpModel;
    final Command nextQuest;
    final Command previousQuest;
    final Command toggleSidebar;
    final Command searchQuests;
    final Command findInQuest;
    Runnable findAction = () -> { };
    /** What Toggle Sidebar and Search Quests do; the view sets them. */
    Runnable sidebarAction = () -> { };
    Runnable searchAction = () -> { };

    /** What the palette command does; the view sets it once the overlay exists. */
    Runnable showPalette = () -> { };
    /** Pause, Resume, Stop, Retry, Archive, Delete, Move to local on the quest whose conversation shows. */
    final QuestActions.Commands quest;

    /** @param testNotification sends a sample notification from Settings; null when there is no notifier */
    ShellCommands(ShellViewModel shell, Runnable quitAction, Runnable testNotification) {
        newQuest = Command.named("New Quest").icon(Feather.PLUS).shortcut("Shortcut+N")
                .does(() -> newQuest(shell));
        openWorkspace = Command.named("Open Workspace…").icon(Feather.FOLDER_PLUS).shortcut("Shortcut+O")
                .does(shell::openWorkspace);
        quit = Command.named("Quit").icon(Feather.LOG_OUT).shortcut("Shortcut+Q").does(quitAction);
        toggleBoard = Command.named("My Quests Board").icon(Feather.COLUMNS).shortcut("Shortcut+B")
                .does(shell::toggleBoard);
        toggleFunctionArea = Command.named("Toggle Function Area").icon(Feather.SIDEBAR).shortcut("Shortcut+Alt+B")
                .executableWhen(Bindings.equal(shell.viewProperty(), MainView.QUEST))
                .does(shell::toggleFunctionArea);
        quest = shell.questActions().commandsFor(shell.questInViewProperty());
        toggleSchedules = Command.named("Schedules").icon(Feather.CLOCK).shortcut("Shortcut+Shift+S")
                .does(shell::toggleSchedules);
        settings = Command.named("Settings…").icon(Feather.SETTINGS).shortcut("Shortcut+Comma")
                .does(() -> openSettings(shell, testNotification, SettingsDialog.Page.GENERAL));
        nextQuest = Command.named("Next Quest").icon(Feather.CHEVRON_DOWN).shortcut("Shortcut+Page Down")
                .does(() -> shell.stepQuest(1));
        previousQuest = Command.named("Previous Quest").icon(Feather.CHEVRON_UP).shortcut("Shortcut+Page Up")
                .does(() -> shell.stepQuest(-1));
        toggleSidebar = Command.named("Toggle Quest List").icon(Feather.SIDEBAR).shortcut("Shortcut+Back Slash")
                .does(() -> sidebarAction.run());
        searchQuests = Command.named("Search Quests").icon(Feather.SEARCH).shortcut("Shortcut+G")
                .does(() -> searchAction.run());
        findInQuest = Command.named("Find in Quest").icon(Feather.SEARCH).shortcut("Shortcut+F")
                .does(() -> findAction.run());
        setUpModel = Command.named("Set Up a Model…").icon(Feather.CPU)
                .does(() -> openSettings(shell, testNotification, SettingsDialog.Page.MODELS));
        palette = Command.named("Command Palette…").icon(Feather.COMMAND).shortcut("Shortcut+K")
                .does(() -> showPalette.run());
    }

    /** Every command with its shortcut, for Settings → Shortcuts. */
    java.util.List<Command> shortcuts() {
        java.util.List<Command> all = new java.util.ArrayList<>(forPalette());
        all.add(palette);
        all.add(quit);
        return all;
    }

    /** Every command the palette offers, the palette itself and Quit excepted. */
    java.util.List<Command> forPalette() {
        return java.util.List.of(newQuest, openWorkspace, toggleBoard, toggleSchedules, toggleFunctionArea, settings,
                setUpModel, nextQuest, previousQuest, toggleSidebar, searchQuests, findInQuest,
                quest.pause(), quest.resume(), quest.stop(), quest.retry(), quest.archive(), quest.unarchive(),
                quest.moveToLocal(), quest.delete());
    }

    /** Opens the Settings dialog; Save applies the concurrency limit and the theme at once. */
    private void openSettings(ShellViewModel shell, Runnable testNotification, SettingsDialog.Page page) {
        SettingsViewModel form = new SettingsViewModel(shell.store().settings(), shell.tasks(), shell.themeProperty(),
                limit -> shell.engine().executor().setConcurrencyLimit(limit), testNotification)
                .withDisplay(shell.textSizeProperty(), shell.store().dataDir());
        ModelsViewModel models = new ModelsViewModel(shell.engine().agent(), shell.store().secrets(), shell.tasks(),
                shell.dialogs());
        AgentViewModel agent = new AgentViewModel(shell.store().settings(), shell.tasks());
        var worktrees = new dev.questbench.ui.settings.WorktreesViewModel(shell.store(), shell.engine().workspaces(),
                shell.tasks(), shell.lastFolder());
        var review = new dev.questbench.ui.settings.ReviewSettingsViewModel(shell.store(), shell.tasks());
        java.util.List<Command> shortcuts = shortcuts();
        var server = shell.localServer() == null ? null
                : new dev.questbench.ui.settings.ServerViewModel(shell.localServer(), shell.tasks());
        var agents = new dev.questbench.ui.settings.AgentsViewModel(shell.store().settings(), shell.store().secrets(),
                shell.tasks());
        Path home = Path.of(System.getProperty("user.home"));
        var skills = new dev.questbench.ui.settings.SkillsViewModel(shell.store(), home, shell.tasks());
        var mcp = new dev.questbench.ui.settings.McpViewModel(shell.store(), shell.tasks(), home);
        var experts = new dev.questbench.ui.settings.ExpertsViewModel(shell.store().settings(), shell.tasks());
        Platform.runLater(() -> shell.dialogs().showAndWait(new SettingsDialog(form, models, agent, worktrees,
                server, agents).withReview(review).withSkills(skills).withMcp(mcp).withExperts(experts).withShortcuts(shortcuts).select(page)));
    }

    /** Opens the New Quest dialog; the new quest is selected and its conversation shown. */
    private static void newQuest(ShellViewModel shell) {
        NewQuestViewModel form = new NewQuestViewModel(shell.store(), shell.engine(), shell.tasks(), shell.dialogs(),
                shell.lastFolder());
        // Shown after the current event: a dialog's nested loop must not run inside a key or menu handler.
        Platform.runLater(() -> shell.dialogs().showAndWait(new NewQuestDialog(form)).ifPresent(id -> {
            shell.rememberFolder(form.folderProperty().get());
            shell.openQuest(id);
        }));
    }
}
