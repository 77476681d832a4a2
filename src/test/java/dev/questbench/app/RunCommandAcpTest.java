package dev.questbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.acp.AcpPreset;
import dev.questbench.agent.acp.AgentPresets;
import dev.questbench.agent.acp.FakeAcpAgent;
import dev.questbench.store.Store;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code questbench run --agent PRESET} and {@code --acp 'COMMAND'} against the fake ACP agent process. */
class RunCommandAcpTest {
    @TempDir
    Path temp;

    private RunCommand.Options parse(String... args) {
        return RunCommand.parse(List.of(args), new ByteArrayInputStream(new byte[0]), temp);
    }

    private static String fakeCommand() {
        return "'" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -cp '"
                + System.getProperty("java.class.path") + "' " + FakeAcpAgent.class.getName();
    }

    @Test
    void agentAndAcpAreParsedAndExclusive() {
        assertEquals("gemini", parse("--agent", "gemini", "hi").agent());
        assertEquals("goose acp", parse("--acp=goose acp", "hi").acpCommand());
        assertThrows(CommandLine.UsageException.class, () -> parse("--agent", "a", "--acp", "b", "hi"));
        assertThrows(CommandLine.UsageException.class, () -> parse("--agent", "a", "--provider", "p", "hi"));
    }

    @Test
    void adHocAcpAgentAnswersAndExitsZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Store store = Store.open(temp.resolve("data"))) {
            int exit = RunCommand.run(store, parse("--acp", fakeCommand(), "hello", "there"), print(out), print(err),
                    Map.of());
            assertEquals(RunCommand.EXIT_OK, exit, err.toString(StandardCharsets.UTF_8));
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("You said: hello there"));
    }

    @Test
    void presetAgentThatAsksPermissionExitsWaiting() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Store store = Store.open(temp.resolve("data"))) {
            store.settings().set(AgentPresets.SETTING, AgentPresets.DEFAULT.with(AcpPreset.parse("fake",
                    fakeCommand())));
            int exit = RunCommand.run(store, parse("--agent", "fake", "full"), print(new ByteArrayOutputStream()),
                    print(err), Map.of());
            assertEquals(RunCommand.EXIT_WAITING, exit);
        }
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("pending: Edit"), err.toString());
    }

    @Test
    void unknownPresetIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Store store = Store.open(temp.resolve("data"))) {
            int exit = RunCommand.run(store, parse("--agent", "nope", "hi"), print(new ByteArrayOutputStream()),
                    print(err), Map.of());
            assertEquals(Launcher.EXIT_USAGE, exit);
        }
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("qoder"), err.toString());
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
