package dev.questbench.engine.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.QuestEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in agent with the workspace side: checkpoints per turn, Revert, edit-and-resend, worktrees. */
class AgentWorkspaceTest {
    @TempDir
    Path dir;
    AgentFixture fixture;

    @BeforeEach
    void open() throws Exception {
        fixture = new AgentFixture(dir, 100_000);
        Files.writeString(fixture.workspaceDir.resolve("notes.md"), "draft\n");
        fixture.git("add", ".");
        fixture.git("commit", "-q", "-m", "init");
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private String git(String... args) throws Exception {
        Process process = new ProcessBuilder(concat(args)).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return out;
    }

    private List<String> concat(String... args) {
        java.util.ArrayList<String> command = new java.util.ArrayList<>(List.of("git", "-C",
                fixture.workspaceDir.toString()));
        command.addAll(List.of(args));
        return command;
    }

    @Test
    void eachTurnIsCheckpointedAndRevertUndoesTheAgentsEditWithoutTouchingGitState() throws Exception {
        fixture.server.enqueue(OpenAiScript.reply().tool("c1", "Write",
                OpenAiScript.json("file_path", "notes.md", "content", "final\n")).response());
        fixture.server.enqueue(OpenAiScript.reply().text("Rewrote the notes.").response());
        String headBefore = git("rev-parse", "HEAD");
        String indexBefore = git("ls-files", "-s");

        String quest = fixture.start("finish the notes", PermissionMode.ACCEPT_EDITS);
        fixture.awaitStatus(quest, QuestStatus.READY);
        assertEquals("final\n", Files.readString(fixture.workspaceDir.resolve("notes.md")));
        QuestEvent.Checkpoint checkpoint = fixture.events(quest, QuestEvent.Checkpoint.class).get(0);
        assertEquals(1, checkpoint.turn());

        QuestEvent.Reverted reverted = fixture.workspaces.revertTurn(quest, 1);

        assertEquals("draft\n", Files.readString(fixture.workspaceDir.resolve("notes.md")));
        assertEquals(checkpoint.commit(), reverted.checkpointCommit());
        assertEquals(headBefore, git("rev-parse", "HEAD"), "HEAD untouched");
        assertEquals(indexBefore, git("ls-files", "-s"), "index untouched");
        assertTrue(git("for-each-ref", "refs/questbench/").contains(checkpoint.ref()));
    }

    @Test
    void editAndResendRevertsThenSendsAndTheModelIsToldAboutTheRevert() throws Exception {
        fixture.server.enqueue(OpenAiScript.reply().tool("c1", "Write",
                OpenAiScript.json("file_path", "notes.md", "content", "wrong\n")).response());
        fixture.server.enqueue(OpenAiScript.reply().text("Done.").response());
        fixture.server.enqueue(OpenAiScript.reply().text("Understood, files are back.").response());

        String quest = fixture.start("write it", PermissionMode.ACCEPT_EDITS);
        fixture.awaitStatus(quest, QuestStatus.READY);
        String firstMessage = fixture.entriesOf(quest, QuestEvent.UserMessage.class).get(0).id();

        fixture.workspaces.editAndResend(quest, firstMessage, "write it better");
        fixture.awaitStatus(quest, QuestStatus.READY);
        AgentFixture.await(() -> fixture.events(quest, QuestEvent.AgentMessage.class).size() == 2,
                () -> fixture.types(quest).toString());

        assertEquals("draft\n", Files.readString(fixture.workspaceDir.resolve("notes.md")));
        List<JsonNode> requests = fixture.requests();
        String last = requests.get(requests.size() - 1).get("messages").toString();
        assertTrue(last.contains("reverted the workspace files") && last.contains("write it better"), last);
    }

    @Test
    void aWorktreeQuestWorksOnItsOwnBranchAndLeavesTheWorkspaceAlone() throws Exception {
        fixture.server.enqueue(OpenAiScript.reply().tool("c1", "Write",
                OpenAiScript.json("file_path", "notes.md", "content", "in the worktree\n")).response());
        fixture.server.enqueue(OpenAiScript.reply().text("Done.").response());

        String quest = fixture.start("change notes in isolation", PermissionMode.ACCEPT_EDITS,
                QuestEnvironment.WORKTREE);
        fixture.awaitStatus(quest, QuestStatus.READY);

        QuestEvent.WorktreeCreated created = fixture.events(quest, QuestEvent.WorktreeCreated.class).get(0);
        assertTrue(created.branch().startsWith("questbench/"), created.branch());
        assertEquals("in the worktree\n", Files.readString(Path.of(created.path()).resolve("notes.md")));
        assertEquals("draft\n", Files.readString(fixture.workspaceDir.resolve("notes.md")),
                "the workspace itself is untouched");
        String system = fixture.requests().get(0).get("messages").get(0).get("content").asText();
        assertTrue(system.contains(created.path()), "the agent is told it works in the worktree");

        assertTrue(fixture.workspaces.delete(quest, false).isPresent(), "an unmerged worktree asks first");
        assertTrue(Files.isDirectory(Path.of(created.path())));
        fixture.workspaces.delete(quest, true);
        assertFalse(Files.exists(Path.of(created.path())));
        assertTrue(fixture.store.quests().get(quest).isEmpty());
    }

    @Test
    void twoWorktreeQuestsTouchingOneFileShowInTheConflictForecast() throws Exception {
        for (String text : List.of("first\n", "second\n")) {
            fixture.server.enqueue(OpenAiScript.reply().tool("c", "Write",
                    OpenAiScript.json("file_path", "notes.md", "content", text)).response());
            fixture.server.enqueue(OpenAiScript.reply().text("Done.").response());
            String quest = fixture.start("edit notes " + text.strip(), PermissionMode.ACCEPT_EDITS,
                    QuestEnvironment.WORKTREE);
            fixture.awaitStatus(quest, QuestStatus.READY);
        }

        java.util.Map<String, List<String>> forecast = fixture.workspaces.worktrees()
                .conflictForecast(fixture.workspace.id());

        assertEquals(java.util.Set.of("notes.md"), forecast.keySet());
        assertEquals(2, forecast.get("notes.md").size());
    }
}
