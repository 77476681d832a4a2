package dev.questbench.ui.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Asks the operating system whether it prefers a dark appearance: GNOME's {@code color-scheme} or GTK theme
 * name on Linux, {@code AppleInterfaceStyle} on macOS, {@code AppsUseLightTheme} on Windows. Runs small
 * commands, so call it off the FX thread; anything unknown, slow or failing means light.
 */
public final class SystemTheme {
    private static final String WINDOWS_KEY =
            "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize";

    private SystemTheme() {
    }

    public static boolean prefersDark(Duration timeout) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return isMacDark(run(List.of("defaults", "read", "-g", "AppleInterfaceStyle"), timeout));
        }
        if (os.contains("win")) {
            return isWindowsDark(run(List.of("reg", "query", WINDOWS_KEY, "/v", "AppsUseLightTheme"), timeout));
        }
        return isLinuxDark(System.getenv(),
                run(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"), timeout),
                () -> run(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme"), timeout));
    }

    /** GTK_THEME, then GNOME's color-scheme ({@code 'prefer-dark'}), then the GTK theme's name. */
    static boolean isLinuxDark(Map<String, String> env, String colorScheme, java.util.function.Supplier<String> gtk) {
        String gtkEnv = env.getOrDefault("GTK_THEME", "");
        if (gtkEnv.toLowerCase(Locale.ROOT).contains("dark")) {
            return true;
        }
        if (colorScheme != null && colorScheme.contains("prefer-dark")) {
            return true;
        }
        if (colorScheme != null && colorScheme.contains("prefer-light")) {
            return false;
        }
        String theme = gtk.get();
        return theme != null && theme.toLowerCase(Locale.ROOT).contains("dark");
    }

    static boolean isMacDark(String output) {
        return output != null && output.strip().equalsIgnoreCase("dark");
    }

    /** {@code AppsUseLightTheme    REG_DWORD    0x0} means dark. */
    static boolean isWindowsDark(String output) {
        return output != null && output.matches("(?s).*AppsUseLightTheme\\s+REG_DWORD\\s+0x0+\\b.*");
    }

    /** The command's standard output, or null when it is missing, fails or takes too long. */
    private static String run(List<String> command, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return null;
            }
            try (InputStream out = process.getInputStream()) {
                String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
                return process.exitValue() == 0 ? text : null;
            }
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
