package dev.questbench.agent.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.EventJson;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.llm.ChatMessage;
import dev.questbench.llm.Part;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the model sees is rebuilt from the journal alone. */
class ConversationTest {
    private final List<JournalEntry> log = new ArrayList<>();

    private String add(QuestEvent event) {
        String id = "evt_" + (log.size() + 1);
        log.add(new JournalEntry(id, "qst_1", log.size() + 1, Instant.EPOCH, event));
        return id;
    }

    private String toolUse(String name) {
        return add(new QuestEvent.AgentToolUse(name, EventJson.mapper().createObjectNode().put("pattern", "*"),
                Decision.Permission.ALLOW));
    }

    private void result(String useId, String text) {
        add(new QuestEvent.AgentToolResult(useId, dev.questbench.domain.event.ContentBlock.textList(text), false,
                1L));
    }

    @Test
    void pairsCallsWithResultsInAlternatingMessages() {
        add(QuestEvent.UserMessage.text("find files"));
        add(new QuestEvent.ModelRequestStart("m"));
        add(QuestEvent.AgentMessage.text("Looking."));
        String a = toolUse("Glob");
        String b = toolUse("Grep");
        add(new QuestEvent.ModelRequestEnd("m", null, 1L));
        result(a, "a.txt");
        result(b, "no matches");
        add(QuestEvent.AgentMessage.text("Found a.txt."));

        List<ChatMessage> messages = Conversation.build(log, Map.of());

        assertEquals(List.of(ChatMessage.Role.USER, ChatMessage.Role.ASSISTANT, ChatMessage.Role.USER,
                ChatMessage.Role.ASSISTANT), messages.stream().map(ChatMessage::role).toList());
        List<Part> assistant = messages.get(1).parts();
        assertEquals("Looking.", ((Part.Text) assistant.get(0)).text());
        assertEquals(a, ((Part.ToolCall) assistant.get(1)).id(), "the tool_use event id is the call id");
        assertEquals(b, ((Part.ToolCall) assistant.get(2)).id());
        assertEquals(a, ((Part.ToolResult) messages.get(2).parts().get(0)).callId());
        assertEquals("no matches", ((Part.ToolResult) messages.get(2).parts().get(1)).content());
    }

    @Test
    void callsLeftWithoutResultsByAStoppedTurnAreAnsweredAsNotRun() {
        add(QuestEvent.UserMessage.text("go"));
        String a = toolUse("Bash");
        add(QuestEvent.UserMessage.text("never mind, do this instead"));

        List<ChatMessage> messages = Conversation.build(log, Map.of());

        Part.ToolResult orphan = assertInstanceOf(Part.ToolResult.class, messages.get(2).parts().get(0));
        assertEquals(a, orphan.callId());
        assertEquals(Conversation.NOT_RUN, orphan.content());
        assertEquals("never mind, do this instead", ((Part.Text) messages.get(2).parts().get(1)).text(),
                "the result comes before the user's text in the same message");
    }

    @Test
    void aCompactionReplacesEverythingItSummarised() {
        add(QuestEvent.UserMessage.text("old request"));
        String last = add(QuestEvent.AgentMessage.text("old answer"));
        add(new QuestEvent.Compacted("- did the old thing", last, 5000, 100));
        add(QuestEvent.UserMessage.text("new request"));

        List<ChatMessage> messages = Conversation.build(log, Map.of());

        assertEquals(1, messages.size(), "summary and new request join in one user message");
        String first = ((Part.Text) messages.get(0).parts().get(0)).text();
        assertTrue(first.startsWith(Conversation.SUMMARY_INTRO) && first.endsWith("- did the old thing"));
        assertEquals("new request", ((Part.Text) messages.get(0).parts().get(1)).text());
    }

    @Test
    void attachedFilesReachTheModelThoughTheTranscriptShowsOnlyTheMessage() {
        List<dev.questbench.domain.event.ContentBlock> content = List.of(
                dev.questbench.domain.event.ContentBlock.text("Fix @a.txt"),
                new dev.questbench.domain.event.ContentBlock("file", "Attached file a.txt:\n```\nhi\n```", "/w/a.txt"));
        add(new QuestEvent.UserMessage(content));

        List<ChatMessage> messages = Conversation.build(log, Map.of());

        assertEquals("Fix @a.txt\nAttached file a.txt:\n```\nhi\n```", ((Part.Text) messages.get(0).parts().get(0)).text());
        assertEquals("Fix @a.txt", dev.questbench.domain.event.ContentBlock.plainText(content));
    }

    @Test
    void clearingTheContextDropsEverythingBeforeItEvenASummary() {
        add(QuestEvent.UserMessage.text("old request"));
        String last = add(QuestEvent.AgentMessage.text("old answer"));
        add(new QuestEvent.Compacted("- did the old thing", last, 5000, 100));
        add(QuestEvent.UserMessage.text("middle request"));
        add(new QuestEvent.ContextCleared());
        add(QuestEvent.UserMessage.text("fresh start"));

        List<ChatMessage> messages = Conversation.build(log, Map.of());

        assertEquals(1, messages.size());
        assertEquals(List.of(new Part.Text("fresh start")), messages.get(0).parts());
        assertEquals(null, Compaction.plan(log.subList(0, log.size() - 1), Map.of(), 0, m -> 1),
                "nothing after a clear: nothing to summarise");
    }

    @Test
    void aRequestedCompactionSummarisesEverythingBeforeTheNewMessageOnce() {
        add(QuestEvent.UserMessage.text("first"));
        add(QuestEvent.AgentMessage.text("first answer"));
        String request = add(new QuestEvent.CompactRequested());
        add(QuestEvent.UserMessage.text("next"));

        Compaction.Plan plan = Compaction.requested(log, Map.of());

        assertEquals(request, plan.throughEventId(), "cut just before the new message");
        assertEquals(2, plan.older().size());
        add(new QuestEvent.Compacted("- first", plan.throughEventId(), 100, 10));
        assertEquals(null, Compaction.requested(log, Map.of()), "served: no second compaction");
        List<ChatMessage> after = Conversation.build(log, Map.of());
        assertEquals("next", ((Part.Text) after.get(0).parts().get(1)).text());
    }

    @Test
    void overridesAndReviewFeedbackAndStopHooksReadAsUserText() {
        String message = add(QuestEvent.UserMessage.text("fix it"));
        add(QuestEvent.AgentMessage.text("done"));
        add(new QuestEvent.HookRan("Stop", "./check.sh", 2, "tests still fail", BuiltinSession.KEEP_WORKING, 5));
        add(QuestEvent.AgentMessage.text("fixed the tests"));
        add(new QuestEvent.ReviewFeedback("Nice", List.of(new QuestEvent.ReviewFeedback.LineComment("a.java", 3,
                "new", "rename this"))));

        List<ChatMessage> messages = Conversation.build(log, Map.of(message, "fix it\n\ncontext from a hook"));

        assertEquals("fix it\n\ncontext from a hook", ((Part.Text) messages.get(0).parts().get(0)).text());
        assertTrue(((Part.Text) messages.get(2).parts().get(0)).text().contains("tests still fail"));
        String review = ((Part.Text) messages.get(4).parts().get(0)).text();
        assertTrue(review.contains("a.java:3: rename this"), review);
    }

    @Test
    void compactionPlansCutWhereTheKeptPartFits() {
        add(QuestEvent.UserMessage.text("first " + "x".repeat(400)));
        add(new QuestEvent.ModelRequestStart("m"));
        add(QuestEvent.AgentMessage.text("answer " + "y".repeat(400)));
        String lastOld = add(new QuestEvent.ModelRequestEnd("m", null, 1L));
        add(QuestEvent.UserMessage.text("second"));

        Compaction.Plan plan = Compaction.plan(log, Map.of(), 50,
                messages -> dev.questbench.llm.TokenEstimate.estimate(messages, null));

        assertEquals(lastOld, plan.throughEventId(), "cut before the last user message, which fits");
        assertEquals(2, plan.older().size());
    }
}
