package dev.questbench.app;

import atlantafx.base.theme.PrimerLight;
import dev.questbench.store.Store;
import dev.questbench.store.StoreException;
import dev.questbench.ui.common.FxDialogService;
import dev.questbench.ui.common.FxTaskRunner;
import dev.questbench.ui.common.TaskRunner;
import dev.questbench.ui.notify.DesktopNotifier;
import dev.questbench.ui.shell.MainWindow;
import dev.questbench.ui.shell.SystemTheme;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;

/**
 * The JavaFX application: opens the store and starts the engine off the FX thread (in {@code init}), asks the OS
 * for its theme meanwhile, shows the main window, and on exit stops the engine, then closes the store.
 */
public final class QuestbenchApp extends Application {
    private static volatile Path dataDir;
    private static volatile BackgroundStart background;
    private static volatile boolean startupMetrics;
    private static volatile long launchNanos;
    private static volatile boolean selfTest;
    /** The self-test's exit status once it ran: 0 when the window rendered, 1 when it did not. */
    static final java.util.concurrent.atomic.AtomicInteger SELF_TEST_STATUS =
            new java.util.concurrent.atomic.AtomicInteger(1);

    /**
     * Where the engine's notifications go: toasts in the window, OS notifications, sound ({@code ui.notify}).
     * Made before the engine starts, so missed schedules found at start wait for the window and show then.
     */
    private DesktopNotifier notifier;
    private Store store;
    private DesktopEngine engine;
    private RuntimeException storeFailure;
    private boolean systemDark;
    private TaskRunner tasks;
    private MainWindow window;

    /** Renders the main window once, reports on stdout and exits (for CI on a built app-image). */
    static void configureSelfTest(boolean on) {
        selfTest = on;
    }

    /** Called by {@link DesktopApp} before {@link Application#launch}. */
    static void configure(Path folder, boolean printStartup, long startNanos) {
        dataDir = folder;
        startupMetrics = printStartup;
        launchNanos = startNanos;
        if (printStartup) {
            StartupPhases.start(startNanos);
            StartupPhases.mark("JVM, launcher and main");
        }
        // The store opens and the engine starts while JavaFX starts its toolkit; init() waits for them.
        background = new BackgroundStart(folder);
    }

    @Override
    public void init() {
        StartupPhases.mark("toolkit started");
        CompletableFuture<Boolean> theme = CompletableFuture.supplyAsync(
                () -> SystemTheme.prefersDark(Duration.ofMillis(1500)));
        background.toolkitStarted();
        try {
            background.await();
            StartupPhases.mark("waited for the store and engine");
        } catch (StoreException e) {
            storeFailure = e;
        } catch (RuntimeException e) {
            storeFailure = new IllegalStateException("The background executor could not start: " + e.getMessage()
                    + ". Your quests are safe in the data folder; restart Questbench, and if it happens again, "
                    + "check the log.", e);
        }
        store = background.store(); // closed in stop(), also after a failure
        notifier = background.notifier();
        engine = background.engine();
        try {
            systemDark = theme.get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            systemDark = false; // unknown means light
        }
        StartupPhases.mark("system theme read");
    }

    @Override
    public void start(Stage stage) {
        if (storeFailure != null) {
            if (selfTest) {
                System.err.println("questbench self-test: failed: " + storeFailure.getMessage());
            } else {
                showStoreFailure(storeFailure);
            }
            Platform.exit();
            return;
        }
        StartupPhases.mark("FX thread reached");
        tasks = new FxTaskRunner(2);
        window = new MainWindow(stage, store, engine.parts(), tasks, new FxDialogService(() -> stage), systemDark);
        window.showNotifications(notifier);
        StartupPhases.mark("window built");
        stage.show();
        StartupPhases.mark("shown (CSS, layout)");
        if (startupMetrics) {
            reportFirstFrame();
        }
        if (selfTest) {
            SelfTest.afterFirstFrame(stage.getScene(), dataDir, SELF_TEST_STATUS);
        } else {
            StartupArchive.refreshInBackground(System.err); // the packaged app's, when it started without one
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
        if (tasks != null) {
            tasks.close();
        }
        if (engine != null) {
            engine.close(); // before the store: running turns are written down as Interrupted
        }
        if (notifier != null) {
            notifier.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private static void showStoreFailure(RuntimeException failure) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Alert alert = new Alert(Alert.AlertType.ERROR, failure.getMessage(), ButtonType.CLOSE);
        alert.setTitle("Questbench");
        alert.setHeaderText(failure instanceof StoreException ? "Questbench cannot open its data folder"
                : "Questbench could not start");
        alert.getDialogPane().setMinWidth(520);
        alert.showAndWait();
    }

    /**
     * Prints the time from process start (the launcher's {@code launchNanos}, else the JVM's start time) to the
     * first rendered frame. The second pulse after {@code show()} runs once the first frame has been rendered,
     * so its timer tick marks it.
     */
    private static void reportFirstFrame() {
        long startNanos = launchNanos > 0 ? launchNanos
                : System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    long millis = (System.nanoTime() - startNanos) / 1_000_000L;
                    System.out.println("startup: first frame after " + millis
                            + " ms (JVM start → first pulse rendered)");
                    StartupPhases.mark("first frame rendered");
                    System.out.println(StartupPhases.summary());
                }
            }
        }.start();
    }
}
