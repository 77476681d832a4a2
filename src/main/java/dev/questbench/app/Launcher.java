package dev.questbench.app;

import dev.questbench.store.DataDirectory;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The program's entry point: reads the command line and starts the chosen mode.
 *
 * <p>A plain class on purpose: {@code run}, {@code serve}, {@code --help} and {@code --version} load no JavaFX
 * class and need no display; only the desktop mode reaches {@link DesktopApp}.
 */
public final class Launcher {
    static final int EXIT_OK = 0;
    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;

    private Launcher() {
    }

    public static void main(String[] args) {
        long launchNanos = System.nanoTime();
        int status = run(args, System.out, System.err, System.getenv(), launchNanos);
        System.exit(status);
    }

    /**
     * Runs the command line and returns the exit status; the desktop mode returns when its window closes.
     *
     * @param launchNanos {@link System#nanoTime()} when {@code main} began; {@code --startup-metrics} replaces it
     *                    with the process start
     */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, long launchNanos) {
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(args);
        } catch (CommandLine.UsageException e) {
            err.println("questbench: " + e.getMessage());
            err.println("Run 'questbench --help' to see the modes and options.");
            return EXIT_USAGE;
        }
        if (commandLine.help()) {
            out.print(Usage.text());
            return EXIT_OK;
        }
        if (commandLine.version()) {
            out.println("questbench " + Version.current());
            return EXIT_OK;
        }
        if (commandLine.cdsArchive()) {
            return StartupArchive.dumpNow(out, err);
        }
        return switch (commandLine.mode()) {
            case RUN -> RunCommand.run(commandLine, System.in, out, err, env);
            case SERVE -> ServeCommand.run(commandLine, out, err, env);
            case DESKTOP -> commandLine.selfTest() ? selfTest(err, env) : desktop(commandLine, err, env, launchNanos);
        };
    }

    /** {@code --self-test}: the desktop start on a temporary store, one frame checked, then exit (0 when fine). */
    private static int selfTest(PrintStream err, Map<String, String> env) {
        String missingDisplay = missingDisplay(env, System.getProperty("os.name", ""),
                System.getProperty("glass.platform"));
        if (missingDisplay != null) {
            err.println("questbench: " + missingDisplay);
            return EXIT_FAILURE;
        }
        Path dataDir;
        try {
            dataDir = java.nio.file.Files.createTempDirectory("questbench-self-test");
        } catch (java.io.IOException e) {
            err.println("questbench self-test: no temporary folder: " + e.getMessage());
            return EXIT_FAILURE;
        }
        QuestbenchApp.configureSelfTest(true);
        DesktopApp.launch(dataDir, false, System.nanoTime());
        try (var files = java.nio.file.Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (java.io.IOException e) {
            // a leftover temporary folder is harmless; the OS cleans its temp folder
        }
        return QuestbenchApp.SELF_TEST_STATUS.get() == 0 ? EXIT_OK : EXIT_FAILURE;
    }

    private static int desktop(CommandLine commandLine, PrintStream err, Map<String, String> env, long launchNanos) {
        String missingDisplay = missingDisplay(env, System.getProperty("os.name", ""),
                System.getProperty("glass.platform"));
        if (missingDisplay != null) {
            err.println("questbench: " + missingDisplay);
            return EXIT_FAILURE;
        }
        Path dataDir = DataDirectory.resolve(commandLine.dataDir());
        AppLog.startIfPackaged(dataDir, err);
        // --startup-metrics counts from the process start (JVM boot included), as a user sees a cold start.
        long startNanos = commandLine.startupMetrics() ? StartClock.processStartNanos() : launchNanos;
        DesktopApp.launch(dataDir, commandLine.startupMetrics(), startNanos);
        return EXIT_OK;
    }

    /**
     * Why the desktop window cannot open, or {@code null} when it can: on Linux, JavaFX needs an X11 display
     * (XWayland counts) unless a headless glass platform such as Monocle was chosen.
     */
    static String missingDisplay(Map<String, String> env, String osName, String glassPlatform) {
        boolean linux = osName.toLowerCase(Locale.ROOT).startsWith("linux");
        if (!linux || (glassPlatform != null && !glassPlatform.isBlank())) {
            return null;
        }
        String display = env.getOrDefault("DISPLAY", "");
        if (!display.isBlank()) {
            return null;
        }
        return "there is no display to open the window on (DISPLAY is not set). Start Questbench from a desktop "
                + "session, or under a virtual display: xvfb-run -a questbench (from a checkout: "
                + "xvfb-run -a mvn -q javafx:run).";
    }
}
