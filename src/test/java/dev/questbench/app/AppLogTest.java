package dev.questbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppLogTest {
    @TempDir
    Path dataDir;

    @Test
    void appendsToTheLogInTheDataDirectory() throws IOException {
        try (OutputStream log = AppLog.open(dataDir)) {
            log.write("first\n".getBytes(StandardCharsets.UTF_8));
        }
        try (OutputStream log = AppLog.open(dataDir)) {
            log.write("second\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("first\nsecond\n", Files.readString(dataDir.resolve("logs/questbench.log")));
    }

    @Test
    void aLogOverTheLimitMovesToDotOne() throws IOException {
        Path logs = Files.createDirectories(dataDir.resolve("logs"));
        Files.write(logs.resolve("questbench.log"), new byte[(int) AppLog.ROTATE_BYTES + 1]);
        try (OutputStream log = AppLog.open(dataDir)) {
            log.write('x');
        }
        assertEquals(1, Files.size(logs.resolve("questbench.log")));
        assertTrue(Files.size(logs.resolve("questbench.log.1")) > AppLog.ROTATE_BYTES);
    }
}
