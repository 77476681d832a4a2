package dev.questbench.ui.shell;

/** Which theme the user wants: follow the operating system, or always light or dark. */
public enum ThemePreference {
    SYSTEM("System"),
    LIGHT("Light"),
    DARK("Dark");

    private final String label;

    ThemePreference(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether this preference means dark, given what the system prefers. */
    public boolean isDark(boolean systemDark) {
        return this == DARK || (this == SYSTEM && systemDark);
    }
}
