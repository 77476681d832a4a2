package dev.questbench.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packaging inputs ({@code pom.xml}'s {@code package} profile, {@code packaging/}, {@code icons/}) agree with
 * the pom, {@code jlink.config} and the code, without running jlink or jpackage.
 */
class PackagingConfigTest {
    private static final Path SCRIPT = Path.of("packaging/package.sh");
    private static final int[] ICON_SIZES = {16, 32, 48, 64, 128, 256, 512, 1024};

    @Test
    void packageProfileRunsTheScriptOnlyWhenAskedFor() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher profile = Pattern.compile("<profile>\\s*(<!--.*?-->)?\\s*<id>package</id>(.*?)</profile>",
                Pattern.DOTALL).matcher(pom);
        assertTrue(profile.find(), "pom.xml has no 'package' profile");
        assertTrue(profile.group(2).contains("<argument>packaging/package.sh</argument>"),
                "the package profile must run packaging/package.sh");
        assertFalse(profile.group(2).contains("<activation>"), "the package profile must not switch itself on");
        assertFalse(pom.replace(profile.group(), "").contains("package.sh"),
                "package.sh must run only from the package profile (not in mvn verify)");
    }

    @Test
    void pomVersionIsOneJpackageAccepts() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>questbench</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertTrue(version.find(), "no project version in pom.xml");
        String appVersion = version.group(1).replaceFirst("-SNAPSHOT$", "");
        assertTrue(appVersion.matches("\\d+(\\.\\d+){0,2}"), "jpackage (.msi, .dmg) needs 1 to 3 numbers, "
                + "package.sh would pass '" + appVersion + "'");
    }

    @Test
    void scriptReadsJlinkConfigAndStartsTheLauncher() throws IOException {
        String script = Files.readString(SCRIPT);
        String config = Files.readString(Path.of("jlink.config"));
        for (String key : List.of("modules", "javafx-modules", "options")) {
            assertTrue(config.contains("\n" + key + "="), "jlink.config lacks " + key);
            assertTrue(script.contains("$(config " + key + ")"), "package.sh does not use jlink.config's " + key);
        }
        assertTrue(script.contains("--main-class " + Launcher.class.getName()), "package.sh's main class is stale");
        assertTrue(Files.isExecutable(SCRIPT) && Files.isExecutable(Path.of("packaging/cds-desktop-start.sh")),
                "the packaging scripts must be executable");
    }

    @Test
    void linuxLauncherAndPackageScriptsKeepJpackagesPlaceholdersAndAddOurSteps() throws IOException {
        String launcher = Files.readString(Path.of("packaging/linux/launcher.sh"));
        for (String placeholder : List.of("@JAVA_OPTIONS@", "@CLASS_PATH@", "@MAIN_CLASS@")) {
            assertTrue(launcher.contains(placeholder), "launcher.sh lacks " + placeholder + ", which package.sh fills");
            assertTrue(Files.readString(SCRIPT).contains(placeholder), "package.sh does not fill " + placeholder);
        }
        assertTrue(launcher.contains("\"$@\""), "the launcher must pass the user's arguments on");
        String postinst = Files.readString(Path.of("packaging/linux/postinst"));
        String prerm = Files.readString(Path.of("packaging/linux/prerm"));
        assertTrue(postinst.contains("DESKTOP_COMMANDS_INSTALL") && prerm.contains("DESKTOP_COMMANDS_UNINSTALL")
                && prerm.contains("UTILITY_SCRIPTS"), "jpackage's own steps (the menu entry) must stay in");
        assertTrue(postinst.contains("/usr/bin/questbench") && prerm.contains("/usr/bin/questbench"),
                "the PATH link is made and removed");
        assertTrue(postinst.contains("--cds-archive") && prerm.contains("questbench.jsa"),
                "the start-up archive is made on install and removed with the package");
        String rpm = Files.readString(Path.of("packaging/linux/rpm-scripts.sh"));
        assertTrue(rpm.contains("/usr/bin/questbench") && rpm.contains("--cds-archive")
                && rpm.contains("questbench.jsa") && Files.readString(SCRIPT).contains("rpm-scripts.sh"),
                "the .rpm adds and removes the same as the .deb");
        for (String script : List.of("packaging/linux/launcher.sh", "packaging/linux/postinst",
                "packaging/linux/prerm", "packaging/linux/rpm-scripts.sh", "packaging/check-image.sh")) {
            assertTrue(Files.isExecutable(Path.of(script)), script + " must be executable");
        }
        String ci = Files.readString(Path.of(".ci/run"));
        int tests = ci.lastIndexOf("\nmvn -B verify\n");
        int image = ci.lastIndexOf("-Ppackage package");
        assertTrue(tests >= 0 && tests < image && image < ci.lastIndexOf("packaging/check-image.sh"),
                "CI runs the tests, then builds the app image, then checks it");
    }

    @Test
    void desktopEntryAndWindowsUpgradeCodeMatchTheCode() throws IOException {
        String desktop = Files.readString(Path.of("packaging/linux/questbench.desktop"));
        assertTrue(desktop.contains("\nStartupWMClass=" + QuestbenchApp.class.getName() + "\n"),
                "the .desktop entry's StartupWMClass must be the JavaFX Application class (docks group by it)");
        assertTrue(desktop.contains("\nName=Questbench\n"), desktop);
        String uuid = "1630f394-33bf-45c6-8ba8-754ddbb9b52e";
        assertTrue(Files.readString(SCRIPT).contains("--win-upgrade-uuid " + uuid)
                && Files.readString(Path.of("packaging/windows/README.md")).contains(uuid),
                "the .msi upgrade code must never change");
        assertFalse(Files.readString(Path.of("packaging/linux/deb-depends.txt")).lines()
                .map(line -> line.replaceFirst("#.*", "").strip()).filter(line -> !line.isEmpty()).toList().isEmpty());
    }

    @Test
    void iconSetHasEverySizeAndTheWindowUsesTheSameImages() throws IOException {
        for (int size : ICON_SIZES) {
            Path png = Path.of("icons/questbench-" + size + ".png");
            assertArrayEquals(new int[] {size, size}, pngSize(Files.newInputStream(png)), png + " has the wrong size");
            try (InputStream resource = windowIcon(size)) {
                if (resource != null) {
                    assertArrayEquals(Files.readAllBytes(png), resource.readAllBytes(),
                            "the window's icon " + size + " px differs from " + png);
                }
            }
        }
        try (InputStream resource = windowIcon(32)) {
            assertTrue(resource != null, "the window has no 32 px icon on the class path");
        }
        assertEquals("icns", new String(Files.readAllBytes(Path.of("icons/questbench.icns")), 0, 4,
                java.nio.charset.StandardCharsets.US_ASCII));
        byte[] ico = Files.readAllBytes(Path.of("icons/questbench.ico"));
        assertArrayEquals(new byte[] {0, 0, 1, 0}, java.util.Arrays.copyOf(ico, 4), "questbench.ico is no ICO file");
    }

    /** Width and height from a PNG's IHDR chunk. */
    private static int[] pngSize(InputStream in) throws IOException {
        try (DataInputStream data = new DataInputStream(in)) {
            data.skipNBytes(16); // signature (8), IHDR length (4) and type (4)
            return new int[] {data.readInt(), data.readInt()};
        }
    }

    /** A window icon resource, from where MainWindow loads them; {@code null} for a size the window skips. */
    private static InputStream windowIcon(int size) {
        return PackagingConfigTest.class.getResourceAsStream("/dev/questbench/icons/questbench-" + size + ".png");
    }
}
