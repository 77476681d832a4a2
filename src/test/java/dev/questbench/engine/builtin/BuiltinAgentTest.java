package dev.questbench.engine.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.agent.ToolConfirmation;
import dev.questbench.agent.builtin.AgentSettings;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in agent end to end: executor, journal, real tools on a real git repository, a model on loopback. */
class BuiltinAgentTest {
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
    void readsEditsRunsACommandAndFinishesInARealRepository() throws Exception {
        Files.writeString(fixture.workspaceDir.resolve("greeting.txt"), "Hello, world\n");
        fixture.git("add", ".");
        fixture.git("commit", "-q", "-m", "init");
        fixture.server.enqueue(OpenAiScript.reply().text("Let me look.")
                .tool("call_a", "Read", OpenAiScript.json("file_path", "greeting.txt")).response());
        fixture.server.enqueue(OpenAiScript.reply().tool("call_b", "Edit", OpenAiScript.json("file_path",
                "greeting.txt", "old_string", "world", "new_string", "Questbench")).response());
        fixture.server.enqueue(OpenAiScript.reply().tool("call_c", "Bash",
                OpenAiScript.json("command", "git diff --stat")).response());
        fixture.server.enqueue(OpenAiScript.reply().text("Changed the greeting.").response());

        String quest = fixture.start("Greet Questbench instead of the world", PermissionMode.DEFAULT);
        // The default mode asks before an edit.
        fixture.awaitStatus(quest, QuestStatus.ACTION_REQUIRED);
        JournalEntry edit = fixture.entriesOf(quest, QuestEvent.AgentToolUse.class).get(1);
        QuestEvent.AgentToolUse editUse = (QuestEvent.AgentToolUse) edit.event();
        assertEquals("Edit", editUse.name());
        assertEquals(Decision.Permission.ASK, editUse.evaluatedPermission());
        assertEquals("Hello, world\n", Files.readString(fixture.workspaceDir.resolve("greeting.txt")),
                "nothing changes before the user allows it");

        fixture.executor.confirm(quest, new ToolConfirmation(edit.id(), Decision.ALLOW, null, false));
        fixture.awaitStatus(quest, QuestStatus.READY);

        assertEquals("Hello, Questbench\n", Files.readString(fixture.workspaceDir.resolve("greeting.txt")));
        List<QuestEvent.AgentToolUse> uses = fixture.events(quest, QuestEvent.AgentToolUse.class);
        assertEquals(List.of("Read", "Edit", "Bash"), uses.stream().map(QuestEvent.AgentToolUse::name).toList());
        assertEquals(Decision.Permission.ALLOW, uses.get(2).evaluatedPermission(), "git diff is read-only");
        List<QuestEvent.AgentToolResult> results = fixture.events(quest, QuestEvent.AgentToolResult.class);
        assertEquals(3, results.size());
        assertTrue(ContentBlock.plainText(results.get(0).content()).contains("Hello, world"));
        List<QuestEvent.ToolProgress> progress = fixture.events(quest, QuestEvent.ToolProgress.class);
        assertTrue(progress.stream().anyMatch(p -> p.text().contains("greeting.txt")),
                "the command's output was journaled as it ran");
        String bash = ContentBlock.plainText(results.get(2).content());
        assertTrue(bash.contains("greeting.txt") && bash.contains("1 file changed"), bash);
        List<QuestEvent.AgentMessage> messages = fixture.events(quest, QuestEvent.AgentMessage.class);
        assertEquals("Changed the greeting.", ContentBlock.plainText(messages.get(messages.size() - 1).content()));
        assertEquals(4, fixture.events(quest, QuestEvent.ModelRequestEnd.class).size());
        assertEquals(400, fixture.store.quests().summary(quest).orElseThrow().inputTokens(),
                "usage of four calls is summed");

        List<JsonNode> requests = fixture.requests();
        assertEquals(4, requests.size());
        JsonNode last = requests.get(3).get("messages");
        // system, user, assistant(text + Read), tool, assistant(Edit), tool, assistant(Bash), tool
        assertEquals("system", last.get(0).get("role").asText());
        assertEquals("Greet Questbench instead of the world", last.get(1).get("content").asText());
        JsonNode readCall = last.get(2).get("tool_calls").get(0);
        assertEquals("Read", readCall.get("function").get("name").asText());
        assertEquals("tool", last.get(3).get("role").asText());
        assertEquals(readCall.get("id").asText(), last.get(3).get("tool_call_id").asText(),
                "each result answers its call");
        assertTrue(last.get(3).get("content").asText().contains("Hello, world"));
        assertEquals("test-model", requests.get(0).get("model").asText());
        assertTrue(requests.get(0).get("tools").size() >= 9, "the tools are offered");
    }

    @Test
    void aRecordedAnthropicSessionThinksCallsTwoToolsAndFinishes() throws Exception {
        Path source = Files.createDirectories(fixture.workspaceDir.resolve("src/main/java"));
        Files.writeString(source.resolve("App.java"), "// line\n".repeat(12) + "class App {} // TODO tidy\n");
        Files.writeString(fixture.workspaceDir.resolve("README.md"), "# readme\n");
        fixture.useAnthropic();
        fixture.server.enqueue(AgentFixture.recorded("anthropic-tool-use.sse"));
        fixture.server.enqueue(AgentFixture.recorded("anthropic-text.sse"));

        String quest = fixture.start("find the TODOs", PermissionMode.DEFAULT);
        fixture.awaitStatus(quest, QuestStatus.READY);

        assertEquals("I should read the file first and search for TODOs.",
                fixture.events(quest, QuestEvent.AgentThinking.class).get(0).text());
        List<JournalEntry> uses = fixture.entriesOf(quest, QuestEvent.AgentToolUse.class);
        assertEquals(List.of("Read", "Glob"), uses.stream()
                .map(e -> ((QuestEvent.AgentToolUse) e.event()).name()).toList());
        List<QuestEvent.AgentToolResult> results = fixture.events(quest, QuestEvent.AgentToolResult.class);
        assertTrue(ContentBlock.plainText(results.get(0).content()).contains("TODO tidy"));
        assertTrue(ContentBlock.plainText(results.get(1).content()).contains("README.md"));

        List<JsonNode> requests = fixture.requests();
        JsonNode second = requests.get(1);
        assertEquals("claude-test", second.get("model").asText());
        assertTrue(second.get("system").asText().contains("Questbench"));
        JsonNode answer = second.get("messages").get(2).get("content");
        assertEquals("tool_result", answer.get(0).get("type").asText());
        assertEquals(uses.get(0).id(), answer.get(0).get("tool_use_id").asText());
        assertEquals(uses.get(1).id(), answer.get(1).get("tool_use_id").asText());
        assertTrue(fixture.store.quests().summary(quest).orElseThrow().inputTokens() >= 472);
    }

    @Test
    void parallelToolCallsAllRunAndAllResultsGoBack() throws Exception {
        Files.writeString(fixture.workspaceDir.resolve("a.txt"), "alpha\n");
        Files.writeString(fixture.workspaceDir.resolve("b.txt"), "beta\n");
        fixture.server.enqueue(OpenAiScript.reply()
                .tool("call_1", "Read", OpenAiScript.json("file_path", "a.txt"), 3)
                .tool("call_2", "Read", OpenAiScript.json("file_path", "b.txt"), 3).response());
        fixture.server.enqueue(OpenAiScript.reply().text("alpha and beta").response());

        String quest = fixture.start("read both", PermissionMode.DEFAULT);
        fixture.awaitStatus(quest, QuestStatus.READY);

        List<JsonNode> requests = fixture.requests();
        JsonNode messages = requests.get(1).get("messages");
        assertEquals(2, messages.get(2).get("tool_calls").size(), "both calls in one assistant message");
        assertTrue(messages.get(3).get("content").asText().contains("alpha"));
        assertTrue(messages.get(4).get("content").asText().contains("beta"));
    }

    @Test
    void malformedArgumentsGoBackAsAnErrorAndTheModelRecovers() throws Exception {
        Files.writeString(fixture.workspaceDir.resolve("a.txt"), "alpha\n");
        fixture.server.enqueue(OpenAiScript.reply().tool("call_1", "Read", "{\"file_path\": \"a.txt\"").response());
        fixture.server.enqueue(OpenAiScript.reply().tool("call_2", "Read",
                OpenAiScript.json("file_path", "a.txt")).response());
        fixture.server.enqueue(OpenAiScript.reply().text("done").response());

        String quest = fixture.start("read a", PermissionMode.DEFAULT);
        fixture.awaitStatus(quest, QuestStatus.READY);

        List<QuestEvent.AgentToolResult> results = fixture.events(quest, QuestEvent.AgentToolResult.class);
        assertTrue(results.get(0).isError());
        assertTrue(ContentBlock.plainText(results.get(0).content()).contains("not valid JSON"));
        assertFalse(results.get(1).isError());
        JsonNode second = fixture.requests().get(1).get("messages");
        assertTrue(second.get(3).get("content").asText().contains("not valid JSON"),
                "the model is told what was wrong");
    }

    @Test
    void aStreamCutMidReplyFailsRetryablyAndRetryFinishes() throws Exception {
        fixture.server.enqueue(OpenAiScript.reply().text("Half a sent").cutHere().response());
        fixture.server.enqueue(OpenAiScript.reply().text("Whole answer.").response());

        String quest = fixture.start("answer", PermissionMode.DEFAULT);
        fixture.awaitStatus(quest, QuestStatus.ERROR);
        QuestEvent.SessionError error = fixture.events(quest, QuestEvent.SessionError.class).get(0);
        assertTrue(error.error().retryable());
        assertTrue(fixture.events(quest, QuestEvent.AgentMessage.class).isEmpty(), "no half message is journaled");

        fixture.executor.retry(quest);
        fixture.awaitStatus(quest, QuestStatus.READY);
        assertEquals("Whole answer.", ContentBlock.plainText(
                fixture.events(quest, QuestEvent.AgentMessage.class).get(0).content()));
    }

    @Test
    void aRejectedKeyIsAClearErrorWithoutRetries() throws Exception {
        fixture.server.enqueue(new MockResponse.Builder().code(401)
                .body("{\"error\":{\"message\":\"Incorrect API key provided\"}}").build());

        String quest = fixture.start("answer", PermissionMode.DEFAULT);
        fixture.awaitStatus(quest, QuestStatus.ERROR);

        String message = fixture.events(quest, QuestEvent.SessionError.class).get(0).error().message();
        assertTrue(message.contains("API key rejected"), message);
        assertEquals(1, fixture.server.getRequestCount(), "401 is not retried");
    }

    @Test
    void withNothingConfiguredAMissingOllamaFailsAtOnceSayingWhatToDo() throws Exception {
        try (java.net.Socket probe = new java.net.Socket()) {
            probe.connect(new java.net.InetSocketAddress("localhost", 11434), 200);
            org.junit.jupiter.api.Assumptions.abort("something listens on Ollama's port on this machine");
        } catch (java.io.IOException expected) {
            // nothing on 11434, as on a machine without Ollama
        }
        fixture.agent.providers().save(List.of());
        long started = System.nanoTime();

        String quest = fixture.start("hello", PermissionMode.DEFAULT);
        fixture.awaitStatus(quest, QuestStatus.ERROR);

        assertTrue(System.nanoTime() - started < 5_000_000_000L, "fails fast, without retrying for long");
        String message = fixture.events(quest, QuestEvent.SessionError.class).get(0).error().message();
        assertTrue(message.contains("ollama serve") && message.contains("Settings → Models"), message);
        assertEquals(0, fixture.server.getRequestCount());
    }

    @Test
    void aQuestionWaitsForTheAnswerWhichReachesTheModel() throws Exception {
        fixture.server.enqueue(OpenAiScript.reply().tool("call_q", "AskUserQuestion",
                "{\"question\":\"Tabs or spaces?\",\"options\":[\"tabs\",\"spaces\"]}").response());
        fixture.server.enqueue(OpenAiScript.reply().text("Spaces it is.").response());

        String quest = fixture.start("format", PermissionMode.BYPASS_PERMISSIONS);
        fixture.awaitStatus(quest, QuestStatus.ACTION_REQUIRED);
        JournalEntry question = fixture.entriesOf(quest, QuestEvent.AgentToolUse.class).get(0);

        fixture.executor.confirm(quest, ToolConfirmation.answer(question.id(), "spaces"));
        fixture.awaitStatus(quest, QuestStatus.READY);

        JsonNode second = fixture.requests().get(1).get("messages");
        assertEquals("The user answered: spaces", second.get(3).get("content").asText());
    }

    @Test
    void aDeniedCommandTellsTheModelWhy() throws Exception {
        fixture.server.enqueue(OpenAiScript.reply().tool("call_1", "Bash",
                OpenAiScript.json("command", "touch made.txt")).response());
        fixture.server.enqueue(OpenAiScript.reply().text("Understood.").response());

        String quest = fixture.start("make a file", PermissionMode.DEFAULT);
        fixture.awaitStatus(quest, QuestStatus.ACTION_REQUIRED);
        JournalEntry use = fixture.entriesOf(quest, QuestEvent.AgentToolUse.class).get(0);
        fixture.executor.confirm(quest, new ToolConfirmation(use.id(), Decision.DENY, "not now", false));
        fixture.awaitStatus(quest, QuestStatus.READY);

        assertFalse(Files.exists(fixture.workspaceDir.resolve("made.txt")));
        String result = fixture.requests().get(1).get("messages").get(3).get("content").asText();
        assertTrue(result.contains("denied") && result.contains("not now"), result);
    }

    @Test
    void anAwaitedApprovalSurvivesARestart() throws Exception {
        fixture.server.enqueue(OpenAiScript.reply().tool("call_1", "Write",
                OpenAiScript.json("file_path", "notes/out.md", "content", "# Out\n")).response());
        fixture.server.enqueue(OpenAiScript.reply().text("Wrote it.").response());

        String quest = fixture.start("write notes", PermissionMode.DEFAULT);
        fixture.awaitStatus(quest, QuestStatus.ACTION_REQUIRED);
        String useId = fixture.entriesOf(quest, QuestEvent.AgentToolUse.class).get(0).id();

        fixture.restart();
        fixture.executor.confirm(quest, new ToolConfirmation(useId, Decision.ALLOW, null, false));
        fixture.awaitStatus(quest, QuestStatus.READY);

        assertEquals("# Out\n", Files.readString(fixture.workspaceDir.resolve("notes/out.md")));
        QuestEvent.Artifact artifact = fixture.events(quest, QuestEvent.Artifact.class).get(0);
        assertEquals("notes/out.md", artifact.path());
        assertEquals("text/markdown", artifact.mediaType());
    }

    @Test
    void todoWriteUpdatesTheQuestTodoList() throws Exception {
        fixture.server.enqueue(OpenAiScript.reply().tool("call_1", "TodoWrite",
                "{\"todos\":[{\"content\":\"Read\",\"status\":\"completed\"},"
                        + "{\"content\":\"Write\",\"status\":\"in_progress\"}]}").response());
        fixture.server.enqueue(OpenAiScript.reply().text("ok").response());

        String quest = fixture.start("plan", PermissionMode.DEFAULT);
        fixture.awaitStatus(quest, QuestStatus.READY);

        QuestEvent.TodoUpdated todos = fixture.events(quest, QuestEvent.TodoUpdated.class).get(0);
        assertEquals(List.of("completed", "in_progress"),
                todos.todos().stream().map(QuestEvent.TodoUpdated.TodoItem::status).toList());
    }

    @Test
    void theStepLimitEndsTheTurnWithANote() throws Exception {
        fixture.store.settings().set(AgentSettings.STEP_LIMIT, 2);
        for (int i = 0; i < 3; i++) {
            fixture.server.enqueue(OpenAiScript.reply().tool("call_" + i, "Glob",
                    OpenAiScript.json("pattern", "*.txt")).response());
        }

        String quest = fixture.start("loop", PermissionMode.DEFAULT);
        fixture.awaitStatus(quest, QuestStatus.READY);

        assertEquals(2, fixture.server.getRequestCount());
        List<QuestEvent.AgentMessage> messages = fixture.events(quest, QuestEvent.AgentMessage.class);
        assertTrue(ContentBlock.plainText(messages.get(messages.size() - 1).content()).contains("per-turn limit"));
    }

    @Test
    void aPreToolUseHookFromTheProjectBlocksACommand() throws Exception {
        Path hook = fixture.workspaceDir.resolve("block.sh");
        Files.writeString(hook, "#!/bin/sh\ncat > /dev/null\necho 'no deploys from agents' >&2\nexit 2\n");
        hook.toFile().setExecutable(true);
        Files.createDirectories(fixture.workspaceDir.resolve(".qoder"));
        Files.writeString(fixture.workspaceDir.resolve(".qoder/settings.json"), """
                {"hooks":{"PreToolUse":[{"matcher":"Bash","hooks":[{"type":"command","command":"./block.sh"}]}]}}
                """);
        fixture.server.enqueue(OpenAiScript.reply().tool("call_1", "Bash",
                OpenAiScript.json("command", "echo deploy > deployed.txt")).response());
        fixture.server.enqueue(OpenAiScript.reply().text("Skipped the deploy.").response());

        String quest = fixture.start("deploy", PermissionMode.BYPASS_PERMISSIONS);
        fixture.awaitStatus(quest, QuestStatus.READY);

        assertFalse(Files.exists(fixture.workspaceDir.resolve("deployed.txt")), "the hook beats bypass mode");
        QuestEvent.AgentToolUse use = fixture.events(quest, QuestEvent.AgentToolUse.class).get(0);
        assertEquals(Decision.Permission.DENY, use.evaluatedPermission());
        String result = ContentBlock.plainText(fixture.events(quest, QuestEvent.AgentToolResult.class).get(0)
                .content());
        assertTrue(result.contains("no deploys from agents"), result);
        QuestEvent.HookRan ran = fixture.events(quest, QuestEvent.HookRan.class).get(0);
        assertEquals("PreToolUse", ran.hookEvent());
        assertEquals(2, ran.exitCode());
    }

    @Test
    void memoryFilesReachTheSystemPromptAndAreListed() throws Exception {
        Files.writeString(fixture.workspaceDir.resolve("AGENTS.md"), "Always answer in French.\n");
        fixture.server.enqueue(OpenAiScript.reply().text("Bonjour.").response());

        String quest = fixture.start("hello", PermissionMode.DEFAULT);
        fixture.awaitStatus(quest, QuestStatus.READY);

        String system = fixture.requests().get(0).get("messages").get(0).get("content").asText();
        assertTrue(system.contains("Always answer in French."));
        QuestEvent.ContextLoaded loaded = fixture.events(quest, QuestEvent.ContextLoaded.class).get(0);
        assertTrue(loaded.references().get(0).path().endsWith("AGENTS.md"));
    }

    @Test
    void aLongConversationIsCompactedInsteadOfFailing() throws Exception {
        fixture.close();
        fixture = new AgentFixture(dir.resolve("small"), 4_000);
        Files.writeString(fixture.workspaceDir.resolve("big.txt"), "some words on a line\n".repeat(600));
        fixture.server.enqueue(OpenAiScript.reply().tool("call_1", "Read",
                OpenAiScript.json("file_path", "big.txt")).response());
        fixture.server.enqueue(OpenAiScript.reply().text("- read big.txt twice").response()); // the summary
        fixture.server.enqueue(OpenAiScript.reply().text("All read.").response());

        String quest = fixture.start("read the big file", PermissionMode.DEFAULT);
        fixture.awaitStatus(quest, QuestStatus.READY);

        assertEquals(1, fixture.events(quest, QuestEvent.Compacted.class).size(), fixture.types(quest).toString());
        QuestEvent.Compacted compacted = fixture.events(quest, QuestEvent.Compacted.class).get(0);
        assertEquals("- read big.txt twice", compacted.summary());
        assertTrue(compacted.tokensAfter() < compacted.tokensBefore());
        List<JsonNode> requests = fixture.requests();
        JsonNode afterCompaction = requests.get(requests.size() - 1).get("messages");
        assertTrue(afterCompaction.get(1).get("content").asText().contains("- read big.txt twice"),
                afterCompaction.toString());
        assertNotNull(compacted.throughEventId());
    }
}
