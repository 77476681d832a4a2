package dev.questbench.agent.builtin.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.domain.event.Decision.Permission;
import dev.questbench.llm.Cancellation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real hook scripts in a temporary project: the stdin/stdout protocol, exit codes, matchers and timeouts. */
class HookRunnerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path project;

    private Path script(String name, String body) throws IOException {
        Path file = project.resolve(name);
        Files.writeString(file, "#!/bin/bash\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /** A config with one group per {@code matcher → command} pair, all for the event. */
    private static HookConfig config(HookEvent event, String... matcherCommandPairs) {
        ObjectNode root = JSON.createObjectNode();
        var groups = root.putArray(event.wire());
        for (int i = 0; i < matcherCommandPairs.length; i += 2) {
            ObjectNode group = groups.addObject();
            if (matcherCommandPairs[i] != null) {
                group.put("matcher", matcherCommandPairs[i]);
            }
            group.putArray("hooks").addObject().put("type", "command").put("command", matcherCommandPairs[i + 1]);
        }
        return HookConfig.parse(root, "test");
    }

    private HookRunner runner(HookConfig config) {
        return new HookRunner(config, project, Duration.ofSeconds(20));
    }

    private static ObjectNode toolInput(String tool, String command) {
        ObjectNode input = JSON.createObjectNode().put("session_id", "s1").put("tool_name", tool);
        input.putObject("tool_input").put("command", command);
        return input;
    }

    @Test
    void preToolUseScriptBlocksWithExit2AndItsStderrBecomesFeedback() throws IOException {
        Path hook = script("block-rm.sh", """
                input=$(cat)
                if echo "$input" | grep -q 'rm -rf'; then
                  echo "Dangerous command blocked: rm -rf" >&2
                  exit 2
                fi
                exit 0""");
        HookRunner runner = runner(config(HookEvent.PRE_TOOL_USE, "Bash", hook.toString()));

        HookResult blocked = runner.run(HookEvent.PRE_TOOL_USE, "Bash", toolInput("Bash", "rm -rf build"), null);
        assertTrue(blocked.blocked());
        assertEquals("Dangerous command blocked: rm -rf", blocked.feedback());
        assertEquals(Permission.DENY, blocked.permission());
        assertEquals(2, blocked.runs().get(0).exitCode());

        HookResult fine = runner.run(HookEvent.PRE_TOOL_USE, "Bash", toolInput("Bash", "ls"), null);
        assertFalse(fine.blocked());
        assertNull(fine.permission());
        assertEquals(1, fine.runs().size());
        assertEquals(0, fine.runs().get(0).exitCode());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '¦', nullValues = "NULL", textBlock = """
            {"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"deny","permissionDecisionReason":"policy says no"}} ¦ DENY  ¦ true  ¦ policy says no
            {"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"allow"}}                                           ¦ ALLOW ¦ false ¦ NULL
            {"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"ask","permissionDecisionReason":"check this"}}      ¦ ASK   ¦ false ¦ check this
            {"decision":"block","reason":"not today"}                                                                                    ¦ DENY  ¦ true  ¦ not today
            {"decision":"deny"}                                                                                                          ¦ DENY  ¦ true  ¦ blocked by hook
            {"decision":"approve"}                                                                                                       ¦ ALLOW ¦ false ¦ NULL
            {"suppressOutput":true}                                                                                                      ¦ NULL  ¦ false ¦ NULL
            {not json                                                                                                                    ¦ NULL  ¦ false ¦ NULL
            """)
    void jsonDecisions(String stdout, Permission permission, boolean blocked, String feedback) throws IOException {
        Path out = project.resolve("out.json");
        Files.writeString(out, stdout);
        Path hook = script("decide.sh", "cat > /dev/null; cat '" + out + "'");
        HookResult result = runner(config(HookEvent.PRE_TOOL_USE, "Bash", hook.toString()))
                .run(HookEvent.PRE_TOOL_USE, "Bash", toolInput("Bash", "ls"), null);
        assertEquals(permission, result.permission());
        assertEquals(blocked, result.blocked());
        if (feedback == null) {
            assertNull(result.feedback());
        } else {
            assertTrue(result.feedback().contains(feedback), result.feedback());
        }
        assertNull(result.additionalContext(), "plain text is context only for SessionStart and UserPromptSubmit");
    }

    @Test
    void strictestAnswerWinsAndContextIsJoined() {
        HookConfig config = config(HookEvent.PRE_TOOL_USE,
                "*", "echo '{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"allow\","
                        + "\"additionalContext\":\"one\"}}'",
                "Bash", "echo '{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"ask\","
                        + "\"additionalContext\":\"two\",\"updatedInput\":{\"command\":\"ls -a\"}}}'",
                "Edit", "echo '{\"decision\":\"block\"}'",
                "Bash|Edit", "exit 1",
                ".*", "echo '{\"continue\":false,\"stopReason\":\"enough\"}'");
        HookResult result = runner(config).run(HookEvent.PRE_TOOL_USE, "Bash", toolInput("Bash", "ls"), null);
        assertEquals(4, result.runs().size(), "the Edit-only hook did not run");
        assertEquals(Permission.ASK, result.permission());
        assertFalse(result.blocked(), "exit 1 is a non-blocking error");
        assertEquals("one\n\ntwo", result.additionalContext());
        assertEquals("ls -a", result.updatedInput().path("command").asText());
        assertTrue(result.stop());
        assertEquals("enough", result.stopReason());
        assertEquals(1, result.runs().get(2).exitCode());
    }

    @Test
    void hooksReceiveTheEventOnStdinTheProjectDirAndItsEnvironment() throws IOException {
        Path hook = script("record.sh", """
                cat > "$QODER_PROJECT_DIR/stdin.json"
                echo "$CLAUDE_PROJECT_DIR" > env.txt
                pwd > pwd.txt""");
        HookResult result = runner(config(HookEvent.POST_TOOL_USE, null, hook.toString()))
                .run(HookEvent.POST_TOOL_USE, "Edit", toolInput("Edit", "x"), null);
        assertEquals(0, result.runs().get(0).exitCode(), result.runs().get(0).stderr());
        JsonNode stdin = JSON.readTree(project.resolve("stdin.json").toFile());
        assertEquals("PostToolUse", stdin.path("hook_event_name").asText());
        assertEquals(project.toAbsolutePath().normalize().toString(), stdin.path("cwd").asText());
        assertEquals("Edit", stdin.path("tool_name").asText());
        assertEquals("s1", stdin.path("session_id").asText());
        assertEquals(project.toRealPath().toString(), Path.of(Files.readString(project.resolve("pwd.txt")).strip())
                .toRealPath().toString());
        assertEquals(project.toAbsolutePath().normalize().toString(), Files.readString(project.resolve("env.txt")).strip());
    }

    @Test
    void aTimedOutHookIsKilledQuicklyAndDoesNotBlock() {
        ObjectNode root = JSON.createObjectNode();
        root.putArray("PreToolUse").addObject().putArray("hooks").addObject()
                .put("type", "command").put("command", "sleep 30; echo late").put("timeout", 1);
        long start = System.nanoTime();
        HookResult result = runner(HookConfig.parse(root, "t")).run(HookEvent.PRE_TOOL_USE, "Bash",
                toolInput("Bash", "ls"), null);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis < 5_000, "took " + millis + " ms");
        HookRun run = result.runs().get(0);
        assertTrue(run.timedOut());
        assertFalse(result.blocked());
        assertNull(result.permission());
        assertFalse(run.stdout().contains("late"));
    }

    @Test
    void theRunnersDefaultTimeoutAppliesWhenTheEntryHasNone() {
        HookRunner runner = new HookRunner(config(HookEvent.STOP, null, "sleep 30"), project, Duration.ofMillis(300));
        long start = System.nanoTime();
        HookResult result = runner.run(HookEvent.STOP, null, JSON.createObjectNode(), null);
        assertTrue(result.runs().get(0).timedOut());
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 5_000);
    }

    @Test
    void cancellationKillsTheRunningHookAndSkipsTheRest() throws Exception {
        Path marker = project.resolve("second-ran");
        HookConfig config = config(HookEvent.PRE_TOOL_USE, null, "sleep 30", null, "touch '" + marker + "'");
        Cancellation cancel = new Cancellation();
        long start = System.nanoTime();
        CompletableFuture<HookResult> running = CompletableFuture.supplyAsync(
                () -> runner(config).run(HookEvent.PRE_TOOL_USE, "Bash", toolInput("Bash", "ls"), cancel));
        Thread.sleep(300);
        cancel.cancel();
        HookResult result = running.get(5, TimeUnit.SECONDS);
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 5_000);
        assertEquals(1, result.runs().size());
        assertFalse(result.blocked());
        assertFalse(Files.exists(marker));
    }

    @Test
    void sessionStartPlainStdoutBecomesContext() throws IOException {
        Path hook = script("context.sh", "echo 'Branch: main'; echo 'Open issues: 3'");
        HookResult result = runner(config(HookEvent.SESSION_START, "startup", hook.toString()))
                .run(HookEvent.SESSION_START, "startup", JSON.createObjectNode().put("source", "startup"), null);
        assertEquals("Branch: main\nOpen issues: 3", result.additionalContext());
        assertFalse(result.blocked());
        assertSame(HookResult.NONE, runner(config(HookEvent.SESSION_START, "startup", hook.toString()))
                .run(HookEvent.SESSION_START, "resume", JSON.createObjectNode(), null));
    }

    @Test
    void userPromptSubmitExit2RejectsThePrompt() {
        HookResult result = runner(config(HookEvent.USER_PROMPT_SUBMIT, null, "echo 'no secrets in prompts' >&2; exit 2"))
                .run(HookEvent.USER_PROMPT_SUBMIT, null, JSON.createObjectNode().put("prompt", "my key is x"), null);
        assertTrue(result.blocked());
        assertEquals("no secrets in prompts", result.feedback());
        assertNull(result.permission(), "permission decisions belong to PreToolUse");
    }

    @Test
    void stopHookExit2KeepsTheAgentWorking() throws IOException {
        Path hook = script("tests-pass.sh", "cat > /dev/null; echo 'tests are failing: fix them first' >&2; exit 2");
        HookResult result = runner(config(HookEvent.STOP, null, hook.toString()))
                .run(HookEvent.STOP, null, JSON.createObjectNode().put("stop_hook_active", false), null);
        assertTrue(result.blocked());
        assertEquals("tests are failing: fix them first", result.feedback());
        assertNull(result.permission());
    }

    @Test
    void nothingMatchingMeansNothingStarts() throws IOException {
        Path marker = project.resolve("marker");
        Path hook = script("touch.sh", "touch '" + marker + "'");
        HookRunner runner = runner(config(HookEvent.PRE_TOOL_USE, "Edit|Write", hook.toString()));

        assertSame(HookResult.NONE, runner.run(HookEvent.PRE_TOOL_USE, "Bash", toolInput("Bash", "ls"), null));
        assertSame(HookResult.NONE, runner.run(HookEvent.POST_TOOL_USE, "Edit", toolInput("Edit", "x"), null));
        assertFalse(Files.exists(marker));

        HookResult ran = runner.run(HookEvent.PRE_TOOL_USE, "Write", toolInput("Write", "x"), null);
        assertEquals(1, ran.runs().size());
        assertTrue(Files.exists(marker), "the same hook does run when it matches");
    }

    @Test
    void anEmptyConfigNeverStartsAnything() {
        HookRunner runner = new HookRunner(HookConfig.EMPTY, project, Duration.ofSeconds(1));
        for (HookEvent event : HookEvent.values()) {
            assertSame(HookResult.NONE, runner.run(event, "Bash", JSON.createObjectNode(), null));
        }
        assertSame(HookResult.NONE, new HookRunner(null, null, null).run(HookEvent.STOP, null, null, null));
    }

    @Test
    void outputIsCappedAndAHookThatCannotStartIsANonBlockingError() {
        HookResult big = runner(config(HookEvent.POST_TOOL_USE, null, "head -c 200000 /dev/zero | tr '\\0' 'a'"))
                .run(HookEvent.POST_TOOL_USE, "Bash", toolInput("Bash", "x"), null);
        assertTrue(big.runs().get(0).stdout().length() < 70_000);
        assertTrue(big.runs().get(0).stdout().endsWith("[output cut at 64 KB]"));

        ObjectNode root = JSON.createObjectNode();
        root.putArray("Stop").addObject().putArray("hooks").addObject().put("type", "command")
                .put("command", project.resolve("missing-binary").toString()).putArray("args").add("x");
        HookResult missing = runner(HookConfig.parse(root, "t")).run(HookEvent.STOP, null, null, null);
        assertEquals(-1, missing.runs().get(0).exitCode());
        assertFalse(missing.blocked());
        assertEquals(List.of(), missing.runs().stream().filter(HookRun::timedOut).toList());
    }
}
