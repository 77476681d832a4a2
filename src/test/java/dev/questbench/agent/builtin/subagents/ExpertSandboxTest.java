package dev.questbench.agent.builtin.subagents;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.questbench.agent.builtin.tools.Sandbox;
import dev.questbench.agent.builtin.tools.ToolContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which sandbox failures escalate to the user, with real subprocesses standing in for bubblewrap. */
class ExpertSandboxTest {
    @TempDir
    Path dir;

    @Test
    void aCommandThatFailsForItsOwnReasonsInTheSandboxIsNotEscalated() throws Exception {
        ExpertSandbox sandbox = ExpertSandbox.of(script("bwrap-runs", "while [ \"$1\" != \"--\" ]; do shift; done; "
                + "shift; exec \"$@\""));

        ExpertSandbox.Attempt attempt = sandbox.run(command("echo 3 tests failed; exit 3"), context());

        assertNull(attempt.escalation());
        assertTrue(attempt.output().text().contains("3 tests failed") && attempt.output().text().endsWith(
                "Exit code: 3"), attempt.output().text());
    }

    @Test
    void aWriteTheSandboxRefusesEscalatesWithTheLineThatSaysSo() throws Exception {
        ExpertSandbox sandbox = ExpertSandbox.of(script("bwrap-read-only", "echo 'touch: cannot touch "
                + "\"/etc/x\": Read-only file system' >&2; exit 1"));

        ExpertSandbox.Attempt attempt = sandbox.run(command("touch /etc/x"), context());

        assertTrue(attempt.escalates());
        assertTrue(attempt.escalation().contains("exit code 1: touch: cannot touch \"/etc/x\": Read-only file "
                + "system"), attempt.escalation());
    }

    @Test
    void withNothingConfiguredTheSandboxIsBubblewrapOnThePathOrSaysItIsMissing() throws Exception {
        ExpertSandbox.Attempt attempt = ExpertSandbox.of("").run(command("true"), context());

        if (Sandbox.bubblewrap().isPresent()) {
            assertFalse(attempt.escalates() && attempt.escalation().contains("not installed"), attempt.escalation());
        } else {
            assertTrue(attempt.escalation().startsWith("It could not run in the sandbox: bubblewrap (bwrap) is not "
                    + "installed"), attempt.escalation());
            assertNull(attempt.output(), "nothing ran");
        }
    }

    private String script(String name, String body) throws Exception {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script.toString();
    }

    private static com.fasterxml.jackson.databind.JsonNode command(String command) {
        return JsonNodeFactory.instance.objectNode().put("command", command);
    }

    private ToolContext context() throws Exception {
        return new ToolContext(Files.createDirectories(dir.resolve("work")).toRealPath(), null, null, null, null);
    }
}
