package dev.questbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code questbench --self-test} in a child JVM on the headless Monocle platform: the real desktop start renders
 * the main window once and exits 0 with one line saying so (CI runs the same on the built app-image, under Xvfb).
 */
class SelfTestProcessTest {

    @org.junit.jupiter.api.io.TempDir
    Path dir;

    @Test
    void theSelfTestRendersTheWindowAndExitsZero() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dtestfx.headless=true", "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "--self-test");
        Path log = dir.resolve("self-test.log"); // a file, not a pipe: the toolkit's warnings would fill a pipe
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File(System.getProperty("os.name")
                        .startsWith("Windows") ? "NUL" : "/dev/null"))).start();
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = java.nio.file.Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(ended, "the self-test ended by itself: " + output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("questbench self-test: ok, the main window rendered at"), output);
    }
}
