package dev.questbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged app's start-up archive: found from the launcher's options, dumped by a real JVM, then used by one. */
class StartupArchiveTest {
    @TempDir
    Path dir;

    @Test
    void onlyALauncherThatNamesAnArchiveBesideAClassListHasOne() throws IOException {
        Path archive = dir.resolve("questbench.jsa");
        List<String> options = List.of("-Xms64m", "-XX:+UseSerialGC", "-XX:SharedArchiveFile=" + archive,
                "-Xlog:cds=off", "-Dorg.sqlite.lib.path=/opt/questbench/lib/app/native");
        assertTrue(StartupArchive.of(List.of("-Xmx1g"), "app.jar").isEmpty(), "a checkout's java names no archive");
        assertTrue(StartupArchive.of(options, "app.jar").isEmpty(), "no class list shipped beside it");

        Files.writeString(dir.resolve("questbench.classlist"), "java/lang/Object\n");
        StartupArchive found = StartupArchive.of(options, "app.jar").orElseThrow();
        assertEquals(archive, found.archive());
        assertEquals(List.of("-Xms64m", "-XX:+UseSerialGC", "-Dorg.sqlite.lib.path=/opt/questbench/lib/app/native"),
                found.jvmOptions(), "the dump shares the GC and properties, not the archive or log options");
        assertTrue(found.unusedByThisProcess(), "a missing archive is not in use");
        assertTrue(found.writable());
    }

    @Test
    void aDumpedArchiveIsOneTheJvmMapsAndAFailedDumpSaysWhy() throws Exception {
        Path jar = dir.resolve("empty.jar");
        Files.write(jar, emptyJar());
        Files.writeString(dir.resolve("questbench.classlist"), "java/lang/Object\njava/lang/String\njava/util/ArrayList\n");
        StartupArchive archive = new StartupArchive(dir.resolve("questbench.jsa"), dir.resolve("questbench.classlist"),
                List.of("-XX:+UseSerialGC"), jar.toString());

        long bytes = archive.dump(true);

        assertTrue(bytes > 0 && Files.size(archive.archive()) == bytes);
        assertFalse(Files.exists(dir.resolve("questbench.jsa.part")), "the partial file is renamed, not left over");
        Process check = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:on", "-XX:+UseSerialGC", "-XX:SharedArchiveFile=" + archive.archive(), "-cp", jar.toString(),
                "-version").redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes());
        assertTrue(check.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, check.exitValue(), "-Xshare:on refuses to start unless it maps the archive: " + output);
        assertTrue(output.contains("sharing"), output);

        StartupArchive broken = new StartupArchive(dir.resolve("other.jsa"), archive.classList(),
                List.of("-XX:+NoSuchOption"), jar.toString());
        IOException failure = assertThrows(IOException.class, () -> broken.dump(false));
        assertTrue(failure.getMessage().contains("could not dump") && failure.getMessage().contains("NoSuchOption"),
                failure.getMessage());
        assertFalse(Files.exists(dir.resolve("other.jsa")));
    }

    @Test
    void aFailedBackgroundDumpIsLoggedAndNotRepeatedUntilADumpSucceeds() throws Exception {
        Path jar = dir.resolve("empty.jar");
        Files.write(jar, emptyJar());
        Path classList = dir.resolve("questbench.classlist");
        Files.writeString(classList, "java/lang/Object\n");
        StartupArchive broken = new StartupArchive(dir.resolve("questbench.jsa"), classList,
                List.of("-XX:+NoSuchOption"), jar.toString());
        assertTrue(broken.worthMaking());
        var log = new java.io.ByteArrayOutputStream();

        broken.makeForNextStart(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8), 0);

        String logged = log.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(logged.contains("no start-up archive") && logged.contains("NoSuchOption"), logged);
        assertTrue(Files.exists(broken.failureMarker()));
        assertFalse(broken.worthMaking(), "the next start does not spend the same seconds failing");
        StartupArchive fixed = new StartupArchive(broken.archive(), classList, List.of(), jar.toString());
        fixed.dump(false);
        assertFalse(Files.exists(fixed.failureMarker()), "a dump that works (--cds-archive) clears the mark");
    }

    /** A jar with only a manifest: an app class path CDS accepts (it refuses class folders). */
    private static byte[] emptyJar() throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        var manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        try (var out = new java.util.jar.JarOutputStream(bytes, manifest)) {
            out.flush();
        }
        return bytes.toByteArray();
    }
}
