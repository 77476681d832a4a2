package dev.questbench.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Questbench keeps its data: {@code --data-dir}, else {@code $QUESTBENCH_HOME}, else the platform's
 * place (Linux {@code $XDG_DATA_HOME/questbench} or {@code ~/.local/share/questbench}; macOS
 * {@code ~/Library/Application Support/Questbench}; Windows {@code %APPDATA%\Questbench}).
 */
public final class DataDirectory {
    public static final String ENV_HOME = "QUESTBENCH_HOME";

    private DataDirectory() {
    }

    /**
     * The data directory from explicit inputs (for tests and the launcher). A leading {@code ~} in the
     * command-line or environment value means the user's home, since shells do not expand {@code --x=~/y}.
     */
    public static Path resolve(String cliValue, Map<String, String> env, String osName, Path userHome) {
        if (hasText(cliValue)) {
            return given(cliValue, userHome);
        }
        if (hasText(env.get(ENV_HOME))) {
            return given(env.get(ENV_HOME), userHome);
        }
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return hasText(appData) ? Path.of(appData, "Questbench")
                    : userHome.resolve("AppData").resolve("Roaming").resolve("Questbench");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return userHome.resolve("Library").resolve("Application Support").resolve("Questbench");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        if (hasText(xdg) && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "questbench");
        }
        return userHome.resolve(".local").resolve("share").resolve("questbench");
    }

    /** The data directory for this process, from the real environment. */
    public static Path resolve(String cliValue) {
        return resolve(cliValue, System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home")));
    }

    private static Path given(String value, Path userHome) {
        String trimmed = value.strip();
        Path path;
        if (trimmed.equals("~")) {
            path = userHome;
        } else if (trimmed.startsWith("~/") || trimmed.startsWith("~\\")) {
            path = userHome.resolve(trimmed.substring(2));
        } else {
            path = Path.of(trimmed);
        }
        return path.toAbsolutePath().normalize();
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
