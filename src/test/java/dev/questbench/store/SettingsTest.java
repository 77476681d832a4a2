package dev.questbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.domain.PermissionMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Typed settings with defaults, stored as JSON, kept across restarts. */
class SettingsTest {
    record Window(double width, double height, List<Double> dividers) {
    }

    private static final Setting<String> THEME = Setting.of("ui.theme", String.class, "system");
    private static final Setting<Boolean> DARK = Setting.of("ui.dark", Boolean.class, false);
    private static final Setting<Window> WINDOW = Setting.of("ui.window", Window.class,
            new Window(1200, 800, List.of(0.2, 0.8)));
    private static final Setting<PermissionMode> MODE = Setting.of("agent.permissionMode", PermissionMode.class,
            PermissionMode.DEFAULT);

    @TempDir
    Path dir;

    @Test
    void unsetSettingsGiveTheirDefaultsAndSetOnesSurviveARestart() {
        Window window = new Window(1440.5, 900, List.of(0.25, 0.7));
        try (Store store = Store.open(dir)) {
            assertEquals("system", store.settings().get(THEME));
            assertEquals(window.equals(store.settings().get(WINDOW)), false);
            store.settings().set(THEME, "dark");
            store.settings().set(DARK, true);
            store.settings().set(WINDOW, window);
            store.settings().set(MODE, PermissionMode.ACCEPT_EDITS);
        }
        try (Store store = Store.open(dir)) {
            assertEquals("dark", store.settings().get(THEME));
            assertEquals(true, store.settings().get(DARK));
            assertEquals(window, store.settings().get(WINDOW));
            assertEquals(PermissionMode.ACCEPT_EDITS, store.settings().get(MODE));
            assertEquals(Optional.of("\"acceptEdits\""), store.settings().raw(MODE.key()));
            assertEquals(Optional.of("{\"width\":1440.5,\"height\":900.0,\"dividers\":[0.25,0.7]}"),
                    store.settings().raw(WINDOW.key()));
        }
    }

    @Test
    void removingOrSettingNullRestoresTheDefault() {
        try (Store store = Store.open(dir)) {
            store.settings().set(THEME, "light");
            store.settings().remove(THEME.key());
            assertEquals("system", store.settings().get(THEME));
            store.settings().set(THEME, "light");
            store.settings().set(THEME, null);
            assertTrue(store.settings().raw(THEME.key()).isEmpty());
        }
    }

    @Test
    void aValueOfTheWrongShapeFallsBackToTheDefault() {
        try (Store store = Store.open(dir)) {
            store.settings().set(Setting.of("ui.dark", String.class, ""), "not a boolean");
            assertEquals(false, store.settings().get(DARK));
        }
    }
}
