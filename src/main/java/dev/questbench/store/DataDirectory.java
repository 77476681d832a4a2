package dev.questbench.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Questbench keeps its data: {@code --data-dir}, else {@code $QUESTBENCH_HOME}, else the platform's
 * place (Linux {@code $XDG_DATA_HOME/questbench} or {@code ~/.local/share/questbench}; macOS
 * {@code ~/Library/Application Support/Questbench}; Windows {@code %APPDATA%\Questbench}).
 */
public final class DataDirectory {
    private DataDirectory() {
    }

    public static Path resolve(String cliValue, Map<String, String> env, String osName, Path userHome) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The data directory for this process, from the real environment. */
    public static Path resolve(String cliValue) {
        return resolve(cliValue, System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home")));
    }
}
