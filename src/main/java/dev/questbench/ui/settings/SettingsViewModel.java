package dev.questbench.ui.settings;

import dev.questbench.engine.GoalLoop;
import dev.questbench.engine.Notification;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.store.Settings;
import dev.questbench.ui.common.TaskRunner;
import dev.questbench.ui.notify.NotificationSettings;
import dev.questbench.ui.shell.ThemePreference;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.IntConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The Settings dialog: execution (concurrent quests, goal rounds), notifications and appearance. Values
 * load in the background, and Save writes them and applies them at once (the executor's limit, the theme).
 */
public final class SettingsViewModel {
    static final int MAX_CONCURRENCY = 32;
    static final int MAX_GOAL_ROUNDS = 100;

    private final Settings settings;
    private final TaskRunner tasks;
    private final ObjectProperty<ThemePreference> appliedTheme;
    private final IntConsumer applyConcurrency;
    private final Runnable testNotification;
    private final ObjectProperty<Integer> concurrency = new SimpleObjectProperty<>(this, "concurrency",
            QuestExecutor.CONCURRENCY.defaultValue());
    private final ObjectProperty<Integer> goalRounds = new SimpleObjectProperty<>(this, "goalRounds",
            GoalLoop.MAX_ROUNDS.defaultValue());
    private final BooleanProperty desktop = new SimpleBooleanProperty(this, "desktop", true);
    private final BooleanProperty sound = new SimpleBooleanProperty(this, "sound", false);
    private final Map<Notification.Kind, BooleanProperty> kinds = new EnumMap<>(Notification.Kind.class);
    private final ObjectProperty<ThemePreference> theme = new SimpleObjectProperty<>(this, "theme");
    private final ObjectProperty<Integer> textSize = new SimpleObjectProperty<>(this, "textSize",
            DisplaySettings.TEXT_SIZE.defaultValue());
    private final BooleanProperty stepsExpanded = new SimpleBooleanProperty(this, "stepsExpanded");
    private ObjectProperty<Integer> appliedTextSize;
    private java.nio.file.Path dataDir;
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");

    /**
     * @param theme            the window's theme, set on Save
     * @param applyConcurrency the executor's {@code setConcurrencyLimit} (it also stores the setting)
     * @param testNotification sends a sample notification; null hides the button
     */
    public SettingsViewModel(Settings settings, TaskRunner tasks, ObjectProperty<ThemePreference> theme,
                             IntConsumer applyConcurrency, Runnable testNotification) {
        this.settings = settings;
        this.tasks = tasks;
        this.appliedTheme = theme;
        this.applyConcurrency = applyConcurrency;
        this.testNotification = testNotification;
        this.theme.set(theme.get());
        for (Notification.Kind kind : Notification.Kind.values()) {
            kinds.put(kind, new SimpleBooleanProperty(this, kind.name(), true));
        }
    }

    // ---- properties ----------------------------------------------------------------------------

    /** How many quests may run at once; more wait as Queued. */
    public ObjectProperty<Integer> concurrencyProperty() {
        return concurrency;
    }

    /** How many rounds a goal-mode quest gets before it stops without meeting its goal. */
    public ObjectProperty<Integer> goalRoundsProperty() {
        return goalRounds;
    }

    public BooleanProperty desktopProperty() {
        return desktop;
    }

    public BooleanProperty soundProperty() {
        return sound;
    }

    public BooleanProperty kindProperty(Notification.Kind kind) {
        return kinds.get(kind);
    }

    public ObjectProperty<ThemePreference> themeProperty() {
        return theme;
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

    public boolean canTestNotifications() {
        return testNotification != null;
    }

    Settings settings() {
        return settings;
    }

    TaskRunner tasks() {
        return tasks;
    }

    /** The conversation's text size in points (11–22). */
    public ObjectProperty<Integer> textSizeProperty() {
        return textSize;
    }

    /** Whether tool steps start expanded in the conversation. */
    public BooleanProperty stepsExpandedProperty() {
        return stepsExpanded;
    }

    /** Where the data lives, shown with an Open button; null when unknown. */
    public java.nio.file.Path dataDirectory() {
        return dataDir;
    }

    /** The window's live text size (set on Save) and the data folder to show. */
    public SettingsViewModel withDisplay(ObjectProperty<Integer> liveTextSize, java.nio.file.Path dataFolder) {
        this.appliedTextSize = liveTextSize;
        this.dataDir = dataFolder;
        return this;
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Opens the data folder in the system's file manager, or says where it is when that is not possible. */
    public void openDataDirectory() {
        java.nio.file.Path folder = dataDir;
        if (folder == null) {
            return;
        }
        tasks.run(() -> {
            if (!java.awt.Desktop.isDesktopSupported()
                    || !java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN)) {
                throw new IllegalStateException("This desktop has no file manager Questbench can open. The data "
                        + "folder is " + folder + ".");
            }
            java.awt.Desktop.getDesktop().open(folder.toFile());
            return null;
        }, ignored -> { }, failure -> problem.set(failure.getMessage()));
    }

    /** Reads the stored values in the background. */
    public void load() {
        tasks.run(() -> new Stored(settings.get(QuestExecutor.CONCURRENCY), settings.get(GoalLoop.MAX_ROUNDS),
                NotificationSettings.read(settings), settings.get(DisplaySettings.TEXT_SIZE),
                settings.get(dev.questbench.ui.quest.ConversationSettings.TOOL_STEPS_EXPANDED)), stored -> {
                    concurrency.set(clamp(stored.concurrency(), MAX_CONCURRENCY));
                    goalRounds.set(clamp(stored.goalRounds(), MAX_GOAL_ROUNDS));
                    desktop.set(stored.notifications().desktop());
                    sound.set(stored.notifications().sound());
                    kinds.forEach((kind, on) -> on.set(stored.notifications().enabled(kind)));
                    textSize.set(DisplaySettings.clampTextSize(stored.textSize()));
                    stepsExpanded.set(stored.stepsExpanded());
                    loaded.set(true);
                }, failure -> problem.set("The settings could not be read: " + failure.getMessage()));
    }

    /** Writes and applies everything; {@code onSaved} runs on the FX thread when it is stored. */
    public void save(Runnable onSaved) {
        int limit = clamp(concurrency.get(), MAX_CONCURRENCY);
        int rounds = clamp(goalRounds.get(), MAX_GOAL_ROUNDS);
        boolean desktopOn = desktop.get();
        boolean soundOn = sound.get();
        Map<Notification.Kind, Boolean> chosen = new EnumMap<>(Notification.Kind.class);
        kinds.forEach((kind, on) -> chosen.put(kind, on.get()));
        int size = DisplaySettings.clampTextSize(textSize.get());
        boolean expanded = stepsExpanded.get();
        saving.set(true);
        tasks.run(() -> {
            applyConcurrency.accept(limit);
            settings.set(GoalLoop.MAX_ROUNDS, rounds);
            settings.set(NotificationSettings.DESKTOP, desktopOn);
            settings.set(NotificationSettings.SOUND, soundOn);
            chosen.forEach((kind, on) -> settings.set(NotificationSettings.of(kind), on));
            settings.set(DisplaySettings.TEXT_SIZE, size);
            settings.set(dev.questbench.ui.quest.ConversationSettings.TOOL_STEPS_EXPANDED, expanded);
            return Boolean.TRUE;
        }, done -> {
            saving.set(false);
            problem.set(null);
            appliedTheme.set(theme.get());
            if (appliedTextSize != null) {
                appliedTextSize.set(size);
            }
            onSaved.run();
        }, failure -> {
            saving.set(false);
            problem.set("The settings could not be saved: " + failure.getMessage());
        });
    }

    /** Sends a sample notification with the stored settings (Save first to try new ones). */
    public void testNotification() {
        if (testNotification != null) {
            testNotification.run();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static int clamp(Integer value, int max) {
        return value == null ? 1 : Math.max(1, Math.min(max, value));
    }

    private record Stored(int concurrency, int goalRounds, NotificationSettings.Preferences notifications,
                          Integer textSize, Boolean stepsExpanded) {
        Stored {
            stepsExpanded = Boolean.TRUE.equals(stepsExpanded);
        }
    }
}
