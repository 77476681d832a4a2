package dev.questbench.app;

import java.nio.file.Path;
import javafx.application.Application;

/** Starts the JavaFX desktop window on a data directory. */
public final class DesktopApp {
    private DesktopApp() {
    }

    /**
     * Opens the store in {@code dataDir} and shows the main window; returns when the window closes.
     * A store that cannot be opened is reported in a dialog, not a stack trace.
     *
     * @param startupMetrics print the time from start to the first rendered frame on stdout
     * @param launchNanos    when the process (or JVM) started, on the {@link System#nanoTime()} scale
     */
    public static void launch(Path dataDir, boolean startupMetrics, long launchNanos) {
        QuestbenchApp.configure(dataDir, startupMetrics, launchNanos);
        Application.launch(QuestbenchApp.class);
    }
}
