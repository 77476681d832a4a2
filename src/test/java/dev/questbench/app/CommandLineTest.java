package dev.questbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.app.CommandLine.Mode;
import dev.questbench.app.CommandLine.UsageException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {

    @Test
    void noArgumentsOpensTheDesktopApp() {
        CommandLine line = CommandLine.parse();
        assertEquals(Mode.DESKTOP, line.mode());
        assertNull(line.dataDir());
        assertFalse(line.help());
        assertFalse(line.version());
        assertFalse(line.startupMetrics());
        assertEquals(List.of(), line.modeArgs());
    }

    @Test
    void dataDirTakesTheNextArgumentOrAnEqualsValue() {
        assertEquals("/tmp/qb", CommandLine.parse("--data-dir", "/tmp/qb").dataDir());
        assertEquals("/tmp/q b", CommandLine.parse("--data-dir=/tmp/q b").dataDir());
    }

    @Test
    void flagsAreRecognisedInAnyOrder() {
        CommandLine line = CommandLine.parse("--startup-metrics", "--data-dir", "x", "--version", "-h");
        assertTrue(line.startupMetrics());
        assertFalse(line.cdsArchive());
        assertTrue(CommandLine.parse("--cds-archive").cdsArchive());
        assertTrue(line.version());
        assertTrue(line.help());
        assertEquals("x", line.dataDir());
        assertTrue(CommandLine.parse("--help").help());
    }

    @Test
    void runAndServeKeepTheirOwnArgumentsButHonourGlobalOptions() {
        CommandLine run = CommandLine.parse("--data-dir", "d", "run", "--prompt", "fix the build", "--wait");
        assertEquals(Mode.RUN, run.mode());
        assertEquals("d", run.dataDir());
        assertEquals(List.of("--prompt", "fix the build", "--wait"), run.modeArgs());

        CommandLine serve = CommandLine.parse("serve", "--port", "8080", "--data-dir=e", "--", "--help");
        assertEquals(Mode.SERVE, serve.mode());
        assertEquals("e", serve.dataDir());
        assertFalse(serve.help());
        assertEquals(List.of("--port", "8080", "--help"), serve.modeArgs());
    }

    @Test
    void aSecondModeWordIsAnArgumentOfTheFirst() {
        CommandLine line = CommandLine.parse("run", "serve");
        assertEquals(Mode.RUN, line.mode());
        assertEquals(List.of("serve"), line.modeArgs());
    }

    @Test
    void unknownOptionIsRejectedWithItsName() {
        UsageException e = assertThrows(UsageException.class, () -> CommandLine.parse("--frobnicate"));
        assertTrue(e.getMessage().contains("'--frobnicate'"), e.getMessage());
    }

    @Test
    void unknownCommandIsRejectedWithTheKnownOnes() {
        UsageException e = assertThrows(UsageException.class, () -> CommandLine.parse("launch"));
        assertTrue(e.getMessage().contains("'launch'"), e.getMessage());
        assertTrue(e.getMessage().contains("'run' and 'serve'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--data-dir", "--data-dir=", "--data-dir= "})
    void dataDirWithoutAFolderIsRejected(String arg) {
        UsageException e = assertThrows(UsageException.class, () -> CommandLine.parse(arg));
        assertTrue(e.getMessage().startsWith("--data-dir needs a folder"), e.getMessage());
    }

    @Test
    void dataDirFollowedByAnOptionIsNotTakenAsTheFolder() {
        UsageException e = assertThrows(UsageException.class, () -> CommandLine.parse("--data-dir", "--version"));
        assertTrue(e.getMessage().contains("not '--version'"), e.getMessage());
    }

    @Test
    void dataDirGivenTwiceIsRejected() {
        UsageException e = assertThrows(UsageException.class,
                () -> CommandLine.parse("--data-dir", "a", "--data-dir=b"));
        assertTrue(e.getMessage().contains("given twice"), e.getMessage());
    }

    @Test
    void modeWordsAreLowerCase() {
        assertEquals("run", Mode.RUN.word());
        assertEquals("serve", Mode.SERVE.word());
    }
}
