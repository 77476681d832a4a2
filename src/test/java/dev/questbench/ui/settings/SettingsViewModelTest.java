package dev.questbench.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.engine.GoalLoop;
import dev.questbench.engine.Notification.Kind;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DirectTaskRunner;
import dev.questbench.ui.notify.NotificationSettings;
import dev.questbench.ui.shell.ThemePreference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Settings dialog's model against a real store. */
class SettingsViewModelTest {
    @TempDir
    Path dir;
    private Store store;
    private final ObjectProperty<ThemePreference> windowTheme = new SimpleObjectProperty<>(ThemePreference.SYSTEM);
    private final List<Integer> applied = new ArrayList<>();
    private int tests;

    @BeforeEach
    void open() {
        store = Store.open(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private SettingsViewModel model() {
        return new SettingsViewModel(store.settings(), new DirectTaskRunner(), windowTheme, limit -> {
            applied.add(limit);
            store.settings().set(QuestExecutor.CONCURRENCY, limit);
        }, () -> tests++);
    }

    @Test
    void loadShowsTheStoredValuesAndDefaults() {
        store.settings().set(QuestExecutor.CONCURRENCY, 6);
        store.settings().set(NotificationSettings.READY, false);
        SettingsViewModel model = model();
        assertFalse(model.loadedProperty().get());
        model.load();
        assertTrue(model.loadedProperty().get());
        assertEquals(6, model.concurrencyProperty().get());
        assertEquals(10, model.goalRoundsProperty().get(), "the goal loop's default");
        assertTrue(model.desktopProperty().get());
        assertFalse(model.soundProperty().get(), "sound is off by default");
        assertFalse(model.kindProperty(Kind.READY).get());
        assertTrue(model.kindProperty(Kind.ERROR).get());
    }

    @Test
    void saveStoresAndAppliesEverything() {
        SettingsViewModel model = model();
        model.load();
        model.concurrencyProperty().set(2);
        model.goalRoundsProperty().set(25);
        model.soundProperty().set(true);
        model.desktopProperty().set(false);
        model.kindProperty(Kind.MISSED_SCHEDULE).set(false);
        model.themeProperty().set(ThemePreference.DARK);
        assertEquals(ThemePreference.SYSTEM, windowTheme.get(), "nothing applies before Save");
        boolean[] saved = {false};
        model.save(() -> saved[0] = true);

        assertTrue(saved[0]);
        assertEquals(List.of(2), applied, "the executor's limit changes at once");
        assertEquals(2, store.settings().get(QuestExecutor.CONCURRENCY));
        assertEquals(25, store.settings().get(GoalLoop.MAX_ROUNDS));
        NotificationSettings.Preferences stored = NotificationSettings.read(store.settings());
        assertTrue(stored.sound());
        assertFalse(stored.desktop());
        assertFalse(stored.enabled(Kind.MISSED_SCHEDULE));
        assertTrue(stored.enabled(Kind.ACTION_REQUIRED));
        assertEquals(ThemePreference.DARK, windowTheme.get());
    }

    @Test
    void outOfRangeNumbersAreKeptInRange() {
        SettingsViewModel model = model();
        model.load();
        model.concurrencyProperty().set(0);
        model.goalRoundsProperty().set(1000);
        model.save(() -> { });
        assertEquals(List.of(1), applied);
        assertEquals(SettingsViewModel.MAX_GOAL_ROUNDS, store.settings().get(GoalLoop.MAX_ROUNDS));
    }

    @Test
    void theTestButtonSendsASample() {
        SettingsViewModel model = model();
        assertTrue(model.canTestNotifications());
        model.testNotification();
        assertEquals(1, tests);
    }
}
