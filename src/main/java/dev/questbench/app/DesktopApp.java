package dev.questbench.app;

import java.nio.file.Path;

/** Starts the JavaFX desktop window on a data directory. (Filled in by the app-shell work.) */
public final class DesktopApp {
    private DesktopApp() {
    }

    /**
     * Opens the store in {@code dataDir} and shows the main window; returns when the window closes.
     *
     * @param startupMetrics print time from {@code launchNanos} (JVM start) to the first frame
     */
    public static void launch(Path dataDir, boolean startupMetrics, long launchNanos) {
        throw new UnsupportedOperationException("TODO");
    }
}
