package dev.questbench.ui.quest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DirectTaskRunner;
import dev.questbench.ui.quest.TranscriptRow.StepState;
import dev.questbench.ui.testing.QueueExecutor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tool steps, hook lines and compaction dividers built from journal events appended to a real store. */
class ToolStepRowsTest {
    @TempDir
    Path dir;
    private final QueueExecutor fx = new QueueExecutor();
    private Store store;
    private ConversationViewModel conversation;
    private String id;

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("data"));
        conversation = new ConversationViewModel(store, new DirectTaskRunner(), fx);
        Quest quest = Quest.create("Tests", "run the tests", null, QuestMode.AGENT, QuestEnvironment.LOCAL,
                Instant.now());
        store.quests().create(quest);
        id = quest.id();
        conversation.show(id);
    }

    @AfterEach
    void close() {
        conversation.close();
        store.close();
    }

    @Test
    void aToolUseAndItsResultAreOneStepWithStateDurationAndOutputTail() throws Exception {
        append(new QuestEvent.SessionStatusRunning());
        JournalEntry use = append(new QuestEvent.AgentToolUse("Bash", input("command", "npm test").put("timeout", 5),
                Decision.Permission.ALLOW));
        TranscriptRow.Step running = await(TranscriptRow.Step.class, step -> true);
        assertEquals(StepState.RUNNING, running.state());
        assertEquals("npm test", running.input().subject());
        assertNull(running.durationMs(), "no duration before it finished");

        String hundredLines = IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i)
                .collect(Collectors.joining("\n")) + "\n";
        append(new QuestEvent.AgentToolResult(use.id(), List.of(ContentBlock.text(hundredLines),
                new ContentBlock("blob", null, "sha256:" + "a".repeat(64))), false, 1234L));
        TranscriptRow.Step done = await(TranscriptRow.Step.class, step -> step.state() == StepState.DONE);
        assertEquals(use.id(), done.entry().id());
        assertEquals(1234L, done.durationMs());
        List<String> lines = done.output().lines().toList();
        assertEquals(OutputTail.LINES, lines.size(), "only the tail");
        assertEquals("line 61", lines.get(0));
        assertEquals("line 100", lines.get(lines.size() - 1));
        assertTrue(done.truncated());
        assertEquals(1, count(TranscriptRow.Step.class), "use and result are one row");
        assertEquals(0, count(TranscriptRow.Note.class, note -> note.text().startsWith("Tool")
                || note.text().startsWith("Bash")), "no separate lines for the use or the result");
    }

    @Test
    void failedAndRefusedToolsSaySo() throws Exception {
        append(new QuestEvent.SessionStatusRunning());
        JournalEntry read = append(new QuestEvent.AgentToolUse("Read", input("file_path", "missing.txt"),
                Decision.Permission.ALLOW));
        append(new QuestEvent.AgentToolResult(read.id(), ContentBlock.textList("No such file: missing.txt"), true,
                3L));
        JournalEntry push = append(new QuestEvent.AgentToolUse("Bash", input("command", "git push --force"),
                Decision.Permission.DENY));
        append(new QuestEvent.AgentToolResult(push.id(), ContentBlock.textList("Not allowed: risky."), true, 0L));
        JournalEntry lost = append(new QuestEvent.AgentToolUse("Grep", input("pattern", "TODO"),
                Decision.Permission.ALLOW));
        append(QuestEvent.SessionStatusIdle.stopped());

        await(TranscriptRow.Step.class, step -> step.entry().id().equals(lost.id())
                && step.state() == StepState.UNFINISHED);
        assertEquals(StepState.ERROR, step(read.id()).state());
        assertEquals("No such file: missing.txt", step(read.id()).output());
        assertEquals(StepState.DENIED, step(push.id()).state());
    }

    @Test
    void anAskingToolWaitsAsAStepUntilTheQuestAsksThenAsACard() throws Exception {
        append(new QuestEvent.SessionStatusRunning());
        JournalEntry use = append(new QuestEvent.AgentToolUse("Write", input("file_path", "notes.md")
                .put("content", "# Notes"), Decision.Permission.ASK));
        TranscriptRow.Step waiting = await(TranscriptRow.Step.class, step -> true);
        assertEquals(StepState.WAITING, waiting.state(), "nothing to answer yet: the turn is still running");

        append(QuestEvent.SessionStatusIdle.requiresAction(List.of(use.id())));
        TranscriptRow.Approval card = await(TranscriptRow.Approval.class, TranscriptRow.Approval::open);
        assertEquals("notes.md", card.input().subject());
        assertEquals("# Notes", card.input().preview(), "what it would write");
        assertNull(find(TranscriptRow.Step.class, step -> true), "the step became the card");
    }

    @Test
    void stepsExpandOneByOneOrAllByTheRememberedDefault() throws Exception {
        JournalEntry first = append(new QuestEvent.AgentToolUse("Glob", input("pattern", "**/*.java"),
                Decision.Permission.ALLOW));
        JournalEntry second = append(new QuestEvent.AgentToolUse("Grep", input("pattern", "TODO"),
                Decision.Permission.ALLOW));
        await(TranscriptRow.Step.class, step -> step.entry().id().equals(second.id()));
        assertFalse(step(first.id()).expanded(), "collapsed by default");

        conversation.toggleExpanded(first.id());
        assertTrue(step(first.id()).expanded());
        assertFalse(step(second.id()).expanded(), "only the one clicked");

        conversation.setStepsExpanded(true);
        assertTrue(step(first.id()).expanded() && step(second.id()).expanded());
        assertEquals(Boolean.TRUE, store.settings().get(ConversationSettings.TOOL_STEPS_EXPANDED), "remembered");

        ConversationViewModel reopened = new ConversationViewModel(store, new DirectTaskRunner(), fx);
        reopened.show(id);
        assertTrue(reopened.stepsExpandedProperty().get());
        assertTrue(reopened.rows().stream().filter(TranscriptRow.Step.class::isInstance)
                .map(TranscriptRow.Step.class::cast).allMatch(TranscriptRow.Step::expanded));
        reopened.close();
    }

    @Test
    void anEditStepKeepsItsDiffFromTheTop() throws Exception {
        JournalEntry edit = append(new QuestEvent.AgentToolUse("Edit", input("file_path", "src/a.txt")
                .put("old_string", "old").put("new_string", "new"), Decision.Permission.ALLOW));
        String diff = "Edited src/a.txt: replaced 1.\n\n--- a/src/a.txt\n+++ b/src/a.txt\n@@ -1,3 +1,3 @@\n one\n"
                + "-old\n+new\n three";
        append(new QuestEvent.AgentToolResult(edit.id(), ContentBlock.textList(diff), false, 4L));
        TranscriptRow.Step step = await(TranscriptRow.Step.class, row -> row.state() == StepState.DONE);
        assertEquals(diff, step.output());
        assertEquals(List.of("output-text", "output-text", "diff-file", "diff-file", "diff-hunk", "output-text",
                "diff-remove", "diff-add", "output-text"), step.output().lines().map(OutputLines::kind).toList());
    }

    @Test
    void hooksAndCompactionHaveTheirOwnRows() throws Exception {
        append(new QuestEvent.HookRan("PreToolUse", "./check.sh  --strict", 2, "rm is not allowed here", "blocked",
                40));
        append(new QuestEvent.Compacted("We added paging; tests pass.", "evt_x", 12_345, 2_100));
        TranscriptRow.Compacted divider = await(TranscriptRow.Compacted.class, row -> true);
        assertEquals("Earlier messages were summarised to fit the context window (12.3k → 2.1k tokens)",
                CompactedDivider.headline(divider));
        assertFalse(divider.expanded());
        conversation.toggleExpanded(divider.entry().id());
        assertTrue(find(TranscriptRow.Compacted.class, row -> true).expanded(), "the summary opens on click");

        TranscriptRow.HookRun hook = find(TranscriptRow.HookRun.class, row -> true);
        assertEquals("Hook PreToolUse · ./check.sh --strict", HookLine.headline(hook));
        assertEquals("blocked · 40 ms", HookLine.outcome(hook));
        assertEquals("rm is not allowed here", hook.output());
    }

    @Test
    void unknownAndMalformedEventsNeverBreakTheTranscript() throws Exception {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("anything", 1);
        append(new QuestEvent.Unknown("vendor.something_new", body));
        append(new QuestEvent.AgentToolUse(null, null, null));
        append(new QuestEvent.AgentToolResult("evt_not_shown", null, false, null));
        append(new QuestEvent.ToolProgress("evt_not_shown", "orphan output"));
        append(new QuestEvent.HookRan(null, null, 0, null, null, 0));
        append(QuestEvent.AgentMessage.text("still here"));
        await(TranscriptRow.Message.class, message -> message.text().equals("still here"));
        assertTrue(find(TranscriptRow.Note.class, note -> note.text().equals("vendor.something_new")) != null);
        TranscriptRow.Step nameless = find(TranscriptRow.Step.class, step -> true);
        assertEquals("Tool", nameless.tool());
        assertInstanceOf(TranscriptRow.HookRun.class, conversation.rows().get(conversation.rows().size() - 2));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private JournalEntry append(QuestEvent event) {
        return store.journal().append(id, event);
    }

    private static ObjectNode input(String field, String value) {
        return JsonNodeFactory.instance.objectNode().put(field, value);
    }

    private TranscriptRow.Step step(String entryId) {
        return find(TranscriptRow.Step.class, step -> step.entry().id().equals(entryId));
    }

    private <R extends TranscriptRow> long count(Class<R> kind) {
        return count(kind, row -> true);
    }

    private <R extends TranscriptRow> long count(Class<R> kind, Predicate<R> test) {
        return conversation.rows().stream().filter(kind::isInstance).map(kind::cast).filter(test).count();
    }

    private <R extends TranscriptRow> R await(Class<R> kind, Predicate<R> test) throws InterruptedException {
        fx.runUntil(() -> find(kind, test) != null, () -> "no matching " + kind.getSimpleName() + " in "
                + conversation.rows());
        return find(kind, test);
    }

    private <R extends TranscriptRow> R find(Class<R> kind, Predicate<R> test) {
        R found = null;
        for (TranscriptRow row : conversation.rows()) {
            if (kind.isInstance(row) && test.test(kind.cast(row))) {
                found = kind.cast(row);
            }
        }
        return found;
    }
}
