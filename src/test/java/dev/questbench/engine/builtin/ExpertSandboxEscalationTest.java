package dev.questbench.engine.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.ToolConfirmation;
import dev.questbench.agent.builtin.AgentSettings;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.EventJson;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.ui.experts.ExpertCards;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Experts mode: an expert's command that would need approval runs in the sandbox first and escalates to the
 * quest's approval card when the sandbox is missing or blocks it. The sandbox program is a real subprocess: a
 * script standing in for bubblewrap (which this machine may lack) that either runs the command or fails as bwrap
 * does when it may not set up its namespaces.
 */
class ExpertSandboxEscalationTest {
    @TempDir
    Path dir;
    AgentFixture fixture;

    @BeforeEach
    void open() throws Exception {
        fixture = new AgentFixture(dir, 100_000);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void aCommandTheSandboxRunsNeedsNoApproval() throws Exception {
        useSandbox(script("passing-bwrap", "while [ \"$1\" != \"--\" ]; do shift; done; shift; exec \"$@\""));
        scriptExpertCommand("touch sandboxed.txt");

        String quest = fixture.startExperts("Make the file", PermissionMode.DEFAULT);
        fixture.awaitStatus(quest, QuestStatus.READY);

        assertTrue(Files.exists(fixture.workspaceDir.resolve("sandboxed.txt")));
        assertTrue(fixture.events(quest, QuestEvent.SessionStatusIdle.class).stream()
                .noneMatch(QuestEvent.SessionStatusIdle::requiresAction), "nobody was asked");
        QuestEvent.SubagentEvent tried = fixture.events(quest, QuestEvent.SubagentEvent.class).stream()
                .filter(child -> child.note() != null).findFirst().orElseThrow();
        assertEquals("Ran in the sandbox instead of asking (Experts mode)", tried.note());
        assertTrue(fixture.requests().get(2).toString().contains("(Ran in the sandbox.)"));
    }

    @Test
    void aCommandTheSandboxBlocksEscalatesToTheUserWhoCanDenyIt() throws Exception {
        useSandbox(script("failing-bwrap", "echo \"bwrap: Creating new namespace failed: Operation not permitted\""
                + " >&2; exit 1"));
        scriptExpertCommand("touch outside.txt");

        String quest = fixture.startExperts("Make the file", PermissionMode.DEFAULT);
        fixture.awaitStatus(quest, QuestStatus.ACTION_REQUIRED);

        JournalEntry ask = ask(quest);
        QuestEvent.SubagentEvent child = (QuestEvent.SubagentEvent) ask.event();
        assertEquals("QA", child.agent());
        assertTrue(child.note().startsWith("It failed in the sandbox (exit code 1: bwrap: Creating new namespace "
                + "failed: Operation not permitted)."), child.note());
        assertTrue(child.note().endsWith("Run it without the sandbox?"), child.note());
        assertEquals(List.of(ask.id()), fixture.pendingIds(quest));
        ExpertCards.Card card = ExpertCards.from(fixture.entries(quest)).get(0);
        assertEquals("Waiting for your approval to use Bash", card.step(), "the Team canvas says who waits");
        assertEquals("In progress", card.status());

        fixture.executor.confirm(quest, new ToolConfirmation(ask.id(), Decision.DENY, "fix the sandbox first",
                false));
        fixture.awaitStatus(quest, QuestStatus.READY);

        assertFalse(Files.exists(fixture.workspaceDir.resolve("outside.txt")));
        String expertsNext = fixture.requests().get(2).toString();
        assertTrue(expertsNext.contains("It failed in the sandbox first"), expertsNext);
        assertTrue(expertsNext.contains("They said: fix the sandbox first"), expertsNext);
    }

    @Test
    void withoutASandboxTheCommandGoesStraightToApprovalAndSaysWhy() throws Exception {
        useSandbox(dir.resolve("no-such-bwrap").toString());
        scriptExpertCommand("touch approved.txt");

        String quest = fixture.startExperts("Make the file", PermissionMode.DEFAULT);
        fixture.awaitStatus(quest, QuestStatus.ACTION_REQUIRED);

        JournalEntry ask = ask(quest);
        String note = ((QuestEvent.SubagentEvent) ask.event()).note();
        assertNotNull(note);
        assertTrue(note.startsWith("It could not run in the sandbox: the sandbox program ") && note.contains(
                "no-such-bwrap") && note.endsWith("Run it without the sandbox?"), note);
        assertEquals(1, fixture.events(quest, QuestEvent.SubagentEvent.class).stream().filter(child ->
                EventJson.fromTree(child.event()) instanceof QuestEvent.AgentToolUse).count(), "no sandboxed try");

        fixture.executor.confirm(quest, new ToolConfirmation(ask.id(), Decision.ALLOW, null, false));
        fixture.awaitStatus(quest, QuestStatus.READY);
        assertTrue(Files.exists(fixture.workspaceDir.resolve("approved.txt")), "it ran unsandboxed once allowed");
    }

    /** The Lead starts QA, which runs {@code command} and reports; the Lead then ends. */
    private void scriptExpertCommand(String command) {
        fixture.server.enqueue(OpenAiScript.reply().tool("call_a", "Agent", OpenAiScript.json("subagent_type", "QA",
                "description", "make a file", "prompt", "Run the command.")).response());
        fixture.server.enqueue(OpenAiScript.reply().tool("sub_1", "Bash", OpenAiScript.json("command", command))
                .response());
        fixture.server.enqueue(OpenAiScript.reply().text("QA report.").response());
        fixture.server.enqueue(OpenAiScript.reply().text("Integrated.").response());
    }

    private void useSandbox(String program) {
        fixture.store.settings().set(AgentSettings.SANDBOX_PROGRAM, program);
    }

    private String script(String name, String body) throws Exception {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script.toString();
    }

    private JournalEntry ask(String quest) {
        List<JournalEntry> asks = fixture.entriesOf(quest, QuestEvent.SubagentEvent.class).stream().filter(entry ->
                EventJson.fromTree(((QuestEvent.SubagentEvent) entry.event()).event())
                        instanceof QuestEvent.AgentToolUse use && use.evaluatedPermission()
                        == Decision.Permission.ASK).toList();
        assertEquals(1, asks.size(), fixture.types(quest).toString());
        return asks.get(0);
    }
}
