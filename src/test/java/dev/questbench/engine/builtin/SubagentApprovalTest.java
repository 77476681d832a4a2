package dev.questbench.engine.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.agent.ToolConfirmation;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.EventJson;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.engine.QuestExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subagents ask the user through the parent quest's approval card and wait for the answer; several may wait at
 * once; they run at most the global concurrency limit at a time. Real store, executor, journal and loopback model.
 */
class SubagentApprovalTest {
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
    void aSubagentsCommandWaitsForTheUsersApprovalOnTheQuestAndThenRuns() throws Exception {
        scriptOneSubagentCommand("touch made-by-sub.txt");

        String quest = fixture.start("Make the file", PermissionMode.DEFAULT);
        fixture.awaitStatus(quest, QuestStatus.ACTION_REQUIRED);

        JournalEntry ask = onlyAsk(quest);
        assertEquals(List.of(ask.id()), fixture.pendingIds(quest), "the quest waits for the subagent's tool use");
        QuestEvent.SubagentEvent child = (QuestEvent.SubagentEvent) ask.event();
        assertEquals("general-purpose", child.agent());
        assertFalse(Files.exists(fixture.workspaceDir.resolve("made-by-sub.txt")), "nothing ran before the answer");

        fixture.executor.confirm(quest, new ToolConfirmation(ask.id(), Decision.ALLOW, null, false));
        fixture.awaitStatus(quest, QuestStatus.READY);

        assertTrue(Files.exists(fixture.workspaceDir.resolve("made-by-sub.txt")), "the subagent's command ran");
        String report = ContentBlock.plainText(fixture.events(quest, QuestEvent.AgentToolResult.class).get(0)
                .content());
        assertEquals("Made it.", report);
        List<QuestEvent> inner = fixture.events(quest, QuestEvent.SubagentEvent.class).stream()
                .map(event -> EventJson.fromTree(event.event())).toList();
        QuestEvent.AgentToolResult ran = inner.stream().filter(QuestEvent.AgentToolResult.class::isInstance)
                .map(QuestEvent.AgentToolResult.class::cast).findFirst().orElseThrow();
        assertEquals(ask.id(), ran.toolUseId(), "the result belongs to the approved tool use");
        assertFalse(ran.isError());
    }

    @Test
    void allowAlwaysForTheQuestCoversTheSubagentsNextUseOfTheCommand() throws Exception {
        fixture.server.enqueue(OpenAiScript.reply().tool("call_a", "Agent", OpenAiScript.json("prompt",
                "Run it twice.")).response());
        fixture.server.enqueue(OpenAiScript.reply().tool("sub_1", "Bash", OpenAiScript.json("command",
                "touch twice.txt")).response());
        fixture.server.enqueue(OpenAiScript.reply().tool("sub_2", "Bash", OpenAiScript.json("command",
                "touch twice.txt")).response());
        fixture.server.enqueue(OpenAiScript.reply().text("Ran it twice.").response());
        fixture.server.enqueue(OpenAiScript.reply().text("Done.").response());

        String quest = fixture.start("Touch twice", PermissionMode.DEFAULT);
        fixture.awaitStatus(quest, QuestStatus.ACTION_REQUIRED);
        fixture.executor.confirm(quest, new ToolConfirmation(onlyAsk(quest).id(), Decision.ALLOW, null, true));
        fixture.awaitStatus(quest, QuestStatus.READY);

        assertEquals(1, asks(quest).size(), "the second use was allowed by the quest's rule: " + fixture.types(quest));
        long ran = fixture.events(quest, QuestEvent.SubagentEvent.class).stream().map(child -> EventJson.fromTree(
                child.event())).filter(event -> event instanceof QuestEvent.AgentToolResult result
                && !result.isError()).count();
        assertEquals(2, ran);
    }

    @Test
    void aDenialReachesTheSubagentWithTheUsersReason() throws Exception {
        scriptOneSubagentCommand("touch denied.txt");

        String quest = fixture.start("Make the file", PermissionMode.DEFAULT);
        fixture.awaitStatus(quest, QuestStatus.ACTION_REQUIRED);
        JournalEntry ask = onlyAsk(quest);
        fixture.executor.confirm(quest, new ToolConfirmation(ask.id(), Decision.DENY, "not in this repo", false));
        fixture.awaitStatus(quest, QuestStatus.READY);

        assertFalse(Files.exists(fixture.workspaceDir.resolve("denied.txt")));
        List<JsonNode> requests = fixture.requests();
        String afterDenial = requests.get(2).toString();
        assertTrue(afterDenial.contains("The user denied this tool use. They said: not in this repo"), afterDenial);
    }

    @Test
    void twoSubagentsWaitForApprovalAtTheSameTime() throws Exception {
        CountDownLatch bothStarted = new CountDownLatch(2);
        fixture.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                JsonNode body = body(request);
                String first = body.get("messages").get(1).get("content").asText();
                if (first.startsWith("make ")) {
                    String name = first.substring(5);
                    if (body.get("messages").size() > 2) {
                        return OpenAiScript.reply().text("made " + name).response();
                    }
                    bothStarted.countDown();
                    return OpenAiScript.reply().tool("b_" + name, "Bash", OpenAiScript.json("command",
                            "touch " + name)).response();
                }
                if (body.get("messages").size() > 2) {
                    return OpenAiScript.reply().text("Both made.").response();
                }
                return OpenAiScript.reply()
                        .tool("c1", "Agent", OpenAiScript.json("prompt", "make one.txt"))
                        .tool("c2", "Agent", OpenAiScript.json("prompt", "make two.txt")).response();
            }
        });

        String quest = fixture.start("Make two files", PermissionMode.DEFAULT);
        AgentFixture.await(() -> asks(quest).size() == 2, () -> "both subagents ask: " + fixture.types(quest));
        assertEquals(0, fixture.events(quest, QuestEvent.AgentToolResult.class).size(), "both still wait");
        java.util.Set<String> answered = new java.util.HashSet<>();
        while (fixture.status(quest) != QuestStatus.READY) {
            AgentFixture.await(() -> fixture.status(quest) == QuestStatus.READY
                    || fixture.status(quest) == QuestStatus.ACTION_REQUIRED
                    && !answered.containsAll(fixture.pendingIds(quest)), () -> "the turn yields: "
                    + fixture.types(quest));
            for (String id : fixture.status(quest) == QuestStatus.READY ? List.<String>of() : fixture.pendingIds(quest)) {
                if (answered.add(id)) {
                    fixture.executor.confirm(quest, new ToolConfirmation(id, Decision.ALLOW, null, false));
                }
            }
        }
        assertEquals(asks(quest).stream().map(JournalEntry::id).collect(java.util.stream.Collectors.toSet()),
                answered, "each subagent's question came to the quest's card once");
        assertTrue(Files.exists(fixture.workspaceDir.resolve("one.txt")));
        assertTrue(Files.exists(fixture.workspaceDir.resolve("two.txt")));
        List<String> reports = fixture.events(quest, QuestEvent.AgentToolResult.class).stream()
                .map(result -> ContentBlock.plainText(result.content())).sorted().toList();
        assertEquals(List.of("made one.txt", "made two.txt"), reports);
    }

    @Test
    void subagentsRunAtMostTheGlobalConcurrencyLimitAtATime() throws Exception {
        fixture.store.settings().set(QuestExecutor.CONCURRENCY, 2);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch allThree = new CountDownLatch(3);
        fixture.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                JsonNode body = body(request);
                String first = body.get("messages").get(1).get("content").asText();
                if (first.startsWith("count ")) {
                    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    allThree.countDown();
                    try {
                        // over the limit all three would meet here; within it the third only starts after one ends
                        allThree.await(300, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    inFlight.decrementAndGet();
                    return OpenAiScript.reply().text("counted " + first.substring(6)).response();
                }
                if (body.get("messages").size() > 2) {
                    return OpenAiScript.reply().text("All counted.").response();
                }
                return OpenAiScript.reply()
                        .tool("c1", "Agent", OpenAiScript.json("prompt", "count apples"))
                        .tool("c2", "Agent", OpenAiScript.json("prompt", "count pears"))
                        .tool("c3", "Agent", OpenAiScript.json("prompt", "count plums")).response();
            }
        });

        String quest = fixture.start("Count fruit", PermissionMode.DEFAULT);
        fixture.awaitStatus(quest, QuestStatus.READY);

        assertEquals(2, most.get(), "two subagents at a time, never three");
        assertEquals(3, fixture.events(quest, QuestEvent.AgentToolResult.class).size());
    }

    /** The main agent starts one subagent, which runs {@code command} and then reports "Made it.". */
    private void scriptOneSubagentCommand(String command) {
        fixture.server.enqueue(OpenAiScript.reply().tool("call_a", "Agent", OpenAiScript.json("subagent_type",
                "general-purpose", "description", "make a file", "prompt", "Run the command.")).response());
        fixture.server.enqueue(OpenAiScript.reply().tool("sub_1", "Bash", OpenAiScript.json("command", command))
                .response());
        fixture.server.enqueue(OpenAiScript.reply().text("Made it.").response());
        fixture.server.enqueue(OpenAiScript.reply().text("Done.").response());
    }

    private JournalEntry onlyAsk(String quest) {
        List<JournalEntry> asks = asks(quest);
        assertEquals(1, asks.size(), fixture.types(quest).toString());
        return asks.get(0);
    }

    /** The subagents' tool uses that ask for approval. */
    private List<JournalEntry> asks(String quest) {
        return fixture.entriesOf(quest, QuestEvent.SubagentEvent.class).stream().filter(entry ->
                EventJson.fromTree(((QuestEvent.SubagentEvent) entry.event()).event())
                        instanceof QuestEvent.AgentToolUse use && use.evaluatedPermission()
                        == Decision.Permission.ASK).toList();
    }

    private static JsonNode body(RecordedRequest request) {
        try {
            return EventJson.mapper().readTree(request.getBody().utf8());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
