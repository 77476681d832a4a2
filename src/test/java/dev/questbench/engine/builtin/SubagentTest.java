package dev.questbench.engine.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.EventJson;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Agent tool for real: subagents run their own model loops against a loopback model, as child threads. */
class SubagentTest {
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
    void anExploreSubagentReadsInItsOwnContextAndItsEventsAreTaggedWithTheThread() throws Exception {
        Files.writeString(fixture.workspaceDir.resolve("notes.txt"), "the answer is 42\n");
        fixture.server.enqueue(OpenAiScript.reply().tool("call_a", "Agent", OpenAiScript.json("subagent_type",
                "Explore", "description", "find the answer", "prompt", "What is the answer in notes.txt?")).response());
        // the subagent: tries to write (not its tool), reads, reports
        fixture.server.enqueue(OpenAiScript.reply().tool("sub_1", "Write", OpenAiScript.json("file_path", "x.txt",
                "content", "x")).tool("sub_2", "Read", OpenAiScript.json("file_path", "notes.txt")).response());
        fixture.server.enqueue(OpenAiScript.reply().text("The answer is 42 (notes.txt line 1).").response());
        fixture.server.enqueue(OpenAiScript.reply().text("It is 42.").response());

        String quest = fixture.start("Find the answer", PermissionMode.DEFAULT);
        fixture.awaitStatus(quest, QuestStatus.READY);

        JournalEntry agentUse = fixture.entriesOf(quest, QuestEvent.AgentToolUse.class).get(0);
        List<QuestEvent.SubagentEvent> children = fixture.events(quest, QuestEvent.SubagentEvent.class);
        assertTrue(children.stream().allMatch(child -> child.parentToolUseId().equals(agentUse.id())
                && child.agent().equals("Explore")), children.toString());
        List<QuestEvent> inner = children.stream().map(child -> EventJson.fromTree(child.event())).toList();
        assertEquals(List.of("user.message", "agent.tool_use", "agent.tool_use", "agent.tool_result",
                "agent.tool_result", "agent.message"), inner.stream().map(QuestEvent::type).sorted(
                        java.util.Comparator.comparingInt(SubagentTest::order)).toList());
        assertFalse(Files.exists(fixture.workspaceDir.resolve("x.txt")), "Explore cannot write");
        QuestEvent.AgentToolResult result = fixture.events(quest, QuestEvent.AgentToolResult.class).get(0);
        assertEquals("The answer is 42 (notes.txt line 1).", ContentBlock.plainText(result.content()));
        assertEquals(1, fixture.events(quest, QuestEvent.AgentToolUse.class).size(),
                "the subagent's tool uses are not the main thread's");

        List<JsonNode> requests = fixture.requests();
        JsonNode sub = requests.get(1);
        assertTrue(sub.get("messages").get(0).get("content").asText().contains("read-only exploration agent"));
        assertEquals("What is the answer in notes.txt?", sub.get("messages").get(1).get("content").asText());
        List<String> subTools = new java.util.ArrayList<>();
        sub.get("tools").forEach(tool -> subTools.add(tool.get("function").get("name").asText()));
        assertEquals(List.of("Read", "Glob", "Grep"), subTools);
        assertTrue(requests.get(2).toString().contains("has no tool named 'Write'"));
        JsonNode main = requests.get(3).get("messages");
        assertEquals(4, main.size(), "system, user, the Agent call and its result only: " + main);
        assertTrue(main.get(3).get("content").asText().contains("The answer is 42"));
    }

    @Test
    void twoSubagentsStartedInOneResponseRunAtTheSameTime() throws Exception {
        CountDownLatch bothAsked = new CountDownLatch(2);
        AtomicBoolean overlapped = new AtomicBoolean(true);
        fixture.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                JsonNode body;
                try {
                    body = EventJson.mapper().readTree(request.getBody().utf8());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                String first = body.get("messages").get(1).get("content").asText();
                if (first.startsWith("count ")) {
                    bothAsked.countDown();
                    try {
                        // each subagent answers only once the other has asked too: sequential runs would stall here
                        overlapped.compareAndSet(true, bothAsked.await(15, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return OpenAiScript.reply().text("report on " + first.substring(6)).response();
                }
                if (body.get("messages").size() > 2) {
                    return OpenAiScript.reply().text("Both reported.").response();
                }
                return OpenAiScript.reply()
                        .tool("call_1", "Agent", OpenAiScript.json("subagent_type", "general-purpose", "prompt",
                                "count apples"))
                        .tool("call_2", "Agent", OpenAiScript.json("subagent_type", "Plan", "prompt",
                                "count pears")).response();
            }
        });

        String quest = fixture.start("Count fruit", PermissionMode.DEFAULT);
        fixture.awaitStatus(quest, QuestStatus.READY);

        assertTrue(overlapped.get(), "both subagents were waiting for the model at once");
        List<JournalEntry> uses = fixture.entriesOf(quest, QuestEvent.AgentToolUse.class);
        List<QuestEvent.AgentToolResult> results = fixture.events(quest, QuestEvent.AgentToolResult.class);
        assertEquals(2, results.size());
        for (int i = 0; i < 2; i++) {
            String id = uses.get(i).id();
            String text = results.stream().filter(r -> r.toolUseId().equals(id)).findFirst().map(r ->
                    ContentBlock.plainText(r.content())).orElseThrow();
            assertEquals(i == 0 ? "report on apples" : "report on pears", text);
        }
        List<String> agents = fixture.events(quest, QuestEvent.SubagentEvent.class).stream()
                .map(QuestEvent.SubagentEvent::agent).distinct().sorted().toList();
        assertEquals(List.of("Plan", "general-purpose"), agents);
    }

    @Test
    void pausingTheQuestStopsASubagentAtItsNextStepAndTheLeadHearsWhereItStopped() throws Exception {
        java.util.concurrent.atomic.AtomicReference<String> quest = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicInteger subagentCalls = new java.util.concurrent.atomic.AtomicInteger();
        fixture.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                JsonNode body;
                try {
                    body = EventJson.mapper().readTree(request.getBody().utf8());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                if (body.get("messages").get(1).get("content").asText().startsWith("survey ")) {
                    subagentCalls.incrementAndGet();
                    fixture.executor.pause(quest.get()); // the user presses Pause while the subagent works
                    return OpenAiScript.reply().text("Listing the files first.")
                            .tool("sub_1", "Glob", OpenAiScript.json("pattern", "*")).response();
                }
                return OpenAiScript.reply().tool("call_1", "Agent", OpenAiScript.json("subagent_type",
                        "general-purpose", "prompt", "survey the workspace")).response();
            }
        });

        quest.set(fixture.start("Survey", PermissionMode.DEFAULT));
        fixture.awaitStatus(quest.get(), QuestStatus.PAUSED);

        assertEquals(1, subagentCalls.get(), "the subagent did not call its model again after the pause");
        QuestEvent.AgentToolResult result = fixture.events(quest.get(), QuestEvent.AgentToolResult.class).get(0);
        String text = ContentBlock.plainText(result.content());
        assertTrue(text.contains("paused the quest") && text.contains("Listing the files first."), text);
    }

    private static int order(String type) {
        return List.of("user.message", "agent.tool_use", "agent.tool_result", "agent.message").indexOf(type);
    }
}
