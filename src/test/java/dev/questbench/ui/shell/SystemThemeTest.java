package dev.questbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemThemeTest {

    @Test
    void readsGnomeColorSchemeThenGtkThemeName() {
        assertTrue(SystemTheme.isLinuxDark(Map.of(), "'prefer-dark'\n", () -> null));
        assertFalse(SystemTheme.isLinuxDark(Map.of(), "'prefer-light'", () -> "'Adwaita-dark'"));
        assertTrue(SystemTheme.isLinuxDark(Map.of(), "'default'", () -> "'Adwaita-dark'"));
        assertFalse(SystemTheme.isLinuxDark(Map.of(), null, () -> null), "unknown means light");
        assertTrue(SystemTheme.isLinuxDark(Map.of("GTK_THEME", "Yaru:dark"), null, () -> null));
    }

    @Test
    void readsMacAndWindowsAnswers() {
        assertTrue(SystemTheme.isMacDark("Dark\n"));
        assertFalse(SystemTheme.isMacDark(null));
        assertTrue(SystemTheme.isWindowsDark("\r\nHKEY_CURRENT_USER\\...\\Personalize\r\n"
                + "    AppsUseLightTheme    REG_DWORD    0x0\r\n"));
        assertFalse(SystemTheme.isWindowsDark("    AppsUseLightTheme    REG_DWORD    0x1\r\n"));
    }
}
