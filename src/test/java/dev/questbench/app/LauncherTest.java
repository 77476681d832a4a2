package dev.questbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The launcher's answers for every mode that needs no window, run in this JVM. */
class LauncherTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Launcher.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), System.nanoTime());
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void versionPrintsTheFilteredPomVersion() {
        assertEquals(0, run("--version"));
        assertEquals("questbench " + Version.current() + System.lineSeparator(), out());
        assertTrue(Version.current().matches("\\d+\\.\\d+\\.\\d+.*"), Version.current());
    }

    @Test
    void cdsArchiveOutsideAnInstalledAppSaysItIsNotNeeded() {
        assertEquals(1, run("--cds-archive"), "the test JVM was not started by a packaged launcher");
        assertTrue(err().contains("works in an installed Questbench only"), err());
    }

    @Test
    void helpListsModesOptionsDataDirectoryAndEnvironment() {
        assertEquals(0, run("--help"));
        String help = out();
        for (String expected : new String[] {"questbench run", "questbench serve", "--data-dir DIR", "--version",
                "-h, --help", "--startup-metrics", "--cds-archive", "QUESTBENCH_HOME", ".local/share/questbench",
                "Library/Application Support/Questbench", "%APPDATA%\\Questbench", "questbench.db", "blobs/"}) {
            assertTrue(help.contains(expected), "help lacks " + expected + ":\n" + help);
        }
        assertEquals("", err());
    }

    @Test
    void helpWinsOverAModeThatIsNotAvailable() {
        assertEquals(0, run("run", "--help"));
        assertTrue(out().contains("Usage:"));
    }

    @Test
    void serveExplainsAnUnknownOption() {
        assertEquals(2, run("serve", "--frobnicate"));
        assertTrue(err().contains("Unknown option '--frobnicate' for serve"), err());
        assertEquals("", out());
    }

    @Test
    void unknownOptionFailsWithAHint() {
        assertEquals(2, run("--verbose"));
        assertTrue(err().contains("Unknown option '--verbose'"), err());
        assertTrue(err().contains("questbench --help"), err());
        assertEquals("", out());
    }

    @Test
    void linuxWithoutDisplayExplainsHowToGetOne() {
        String message = Launcher.missingDisplay(Map.of(), "Linux", null);
        assertNotNull(message);
        assertTrue(message.contains("xvfb-run -a"), message);
        assertNull(Launcher.missingDisplay(Map.of("DISPLAY", ":0"), "Linux", null));
        assertNull(Launcher.missingDisplay(Map.of(), "Linux", "Monocle"));
        assertNull(Launcher.missingDisplay(Map.of(), "Mac OS X", null));
        assertNull(Launcher.missingDisplay(Map.of(), "Windows 11", null));
    }
}
