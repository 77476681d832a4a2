package dev.questbench.ui.shell;

import dev.questbench.store.Setting;

/** The settings the window remembers between runs. */
final class ShellSettings {
    static final Setting<WindowBounds> WINDOW = Setting.of("ui.window", WindowBounds.class, WindowBounds.DEFAULT);
    /** Outer divider (quest list | main area), then inner (conversation | function area). */
    static final Setting<double[]> DIVIDERS = Setting.of("ui.dividers", double[].class, new double[] {0.19, 0.72});
    static final Setting<Boolean> FUNCTION_AREA_COLLAPSED =
            Setting.of("ui.functionArea.collapsed", Boolean.class, Boolean.FALSE);
    static final Setting<String> LAST_VIEW = Setting.of("ui.lastView", String.class, MainView.QUEST.name());
    static final Setting<String> SELECTED_QUEST = Setting.of("ui.selectedQuest", String.class, null);
    static final Setting<ThemePreference> THEME =
            Setting.of("ui.theme", ThemePreference.class, ThemePreference.SYSTEM);

    private ShellSettings() {
    }
}
