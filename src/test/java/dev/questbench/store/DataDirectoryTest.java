package dev.questbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every branch of the data directory rule in DESIGN.md §5. */
class DataDirectoryTest {
    private static final Path HOME = Path.of("/home/ada");
    private static final Map<String, String> ALL_SET = Map.of("QUESTBENCH_HOME", "/srv/qb",
            "XDG_DATA_HOME", "/xdg", "APPDATA", "C:\\Users\\ada\\AppData\\Roaming");

    @Test
    void commandLineWinsOverEverything() {
        assertEquals(Path.of("/data/here"), DataDirectory.resolve("/data/here", ALL_SET, "Linux", HOME));
        assertEquals(Path.of("rel/dir").toAbsolutePath(), DataDirectory.resolve("rel/./dir", ALL_SET, "Linux", HOME));
        assertEquals(HOME.resolve("qb"), DataDirectory.resolve("~/qb", ALL_SET, "Linux", HOME));
    }

    @Test
    void questbenchHomeComesNext() {
        assertEquals(Path.of("/srv/qb"), DataDirectory.resolve(null, ALL_SET, "Mac OS X", HOME));
        assertEquals(Path.of("/srv/qb"), DataDirectory.resolve("  ", ALL_SET, "Windows 11", HOME));
    }

    @Test
    void linuxUsesXdgDataHomeElseLocalShare() {
        assertEquals(Path.of("/xdg/questbench"), DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "/xdg"), "Linux",
                HOME));
        assertEquals(HOME.resolve(".local/share/questbench"), DataDirectory.resolve(null, Map.of(), "Linux", HOME));
        // A relative XDG_DATA_HOME is invalid per the spec and ignored.
        assertEquals(HOME.resolve(".local/share/questbench"),
                DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "xdg"), "FreeBSD", HOME));
    }

    @Test
    void macUsesApplicationSupport() {
        assertEquals(HOME.resolve("Library/Application Support/Questbench"),
                DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "/xdg"), "Mac OS X", HOME));
    }

    @Test
    void windowsUsesAppData() {
        assertEquals(Path.of("C:\\Users\\ada\\AppData\\Roaming", "Questbench"),
                DataDirectory.resolve(null, Map.of("APPDATA", "C:\\Users\\ada\\AppData\\Roaming"), "Windows 10", HOME));
        assertEquals(HOME.resolve("AppData").resolve("Roaming").resolve("Questbench"),
                DataDirectory.resolve(null, Map.of(), "Windows Server 2022", HOME));
    }
}
