package dev.questbench.ui.quest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.questbench.agent.ToolConfirmation;
import dev.questbench.agent.TurnResult;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.domain.event.QuestEvent.AgentContentBlockDelta;
import dev.questbench.engine.GoalVerdict;
import dev.questbench.engine.ScriptedBackend;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DirectTaskRunner;
import dev.questbench.ui.quest.TranscriptRow.StepState;
import dev.questbench.ui.testing.AnsweringDialogs;
import dev.questbench.ui.testing.QueueExecutor;
import dev.questbench.ui.testing.TestEngine;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What streams while a turn runs, through the real executor and a scripted agent: a running command's output in
 * its step and the agent's text in a provisional bubble, both merged per hand-off to the FX thread; and the
 * question card's answer going back to the agent.
 */
class LiveConversationTest {
    private static final int PIECES = 50;

    @TempDir
    Path dir;
    private final QueueExecutor fx = new QueueExecutor();
    private final CountDownLatch shown = new CountDownLatch(1);
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch go = new CountDownLatch(1);
    private final CountDownLatch streamed = new CountDownLatch(1);
    private final CountDownLatch finish = new CountDownLatch(1);
    private final List<List<ToolConfirmation>> answers = new CopyOnWriteArrayList<>();
    private Store store;
    private TestEngine engine;
    private ConversationViewModel conversation;
    private CardActions cards;
    private int replacements;

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("data"));
        engine = new TestEngine(store, (goal, summary, round) -> new GoalVerdict(true, "", ""),
                List.of(TestEngine.asBuiltin(new ScriptedBackend(this::script))));
        conversation = new ConversationViewModel(store, engine.executor(), new DirectTaskRunner(), fx);
        cards = new CardActions(store, engine.parts, new DirectTaskRunner(), new AnsweringDialogs(),
                conversation.questIdProperty()::get,
                new QuestActions(engine.executor(), new DirectTaskRunner(), new AnsweringDialogs(), q -> { }));
        conversation.rows().addListener((ListChangeListener<TranscriptRow>) change -> {
            while (change.next()) {
                replacements += change.wasReplaced() ? 1 : 0;
            }
        });
    }

    @AfterEach
    void close() {
        shown.countDown();
        go.countDown();
        finish.countDown();
        conversation.close();
        engine.close();
        store.close();
    }

    private TurnResult script(ScriptedBackend.Turn turn) throws Exception {
        if (turn.call().equals("confirm")) {
            answers.add(turn.answers());
            ToolConfirmation answer = turn.answers().get(0);
            turn.emit(new QuestEvent.AgentToolResult(answer.toolUseEventId(),
                    ContentBlock.textList("The user answered: " + answer.answer()), false, 0L));
            turn.emit(QuestEvent.AgentMessage.text("Using " + answer.answer() + "."));
            return new TurnResult.EndTurn();
        }
        if (turn.text().contains("test")) {
            JournalEntry use = turn.emit(new QuestEvent.AgentToolUse("Bash", JsonNodeFactory.instance.objectNode()
                    .put("command", "npm test"), Decision.Permission.ALLOW));
            started.countDown();
            await(go);
            StringBuilder all = new StringBuilder();
            for (int i = 1; i <= PIECES; i++) {
                String piece = "line " + i + "\n";
                turn.context().sink().stream(new QuestEvent.ToolProgress(use.id(), piece));
                all.append(piece);
                if (i == 20) {
                    turn.emit(new QuestEvent.ToolProgress(use.id(), all.toString())); // a journaled chunk
                }
            }
            streamed.countDown();
            await(finish);
            turn.emit(new QuestEvent.ToolProgress(use.id(), all.substring(all.indexOf("line 21"))));
            turn.emit(new QuestEvent.AgentToolResult(use.id(), ContentBlock.textList("50 passed"), false, 321L));
            return new TurnResult.EndTurn();
        }
        if (turn.text().contains("explain")) {
            await(shown); // live pieces reach only a conversation that shows the quest
            turn.context().sink().stream(new AgentContentBlockDelta("msg_1", 0,
                    new AgentContentBlockDelta.Delta("thinking_delta", null, "hmm", null)));
            started.countDown();
            await(go);
            for (int i = 0; i < PIECES; i++) {
                turn.context().sink().stream(new AgentContentBlockDelta("msg_1", 0,
                        AgentContentBlockDelta.Delta.text("w" + i + " ")));
            }
            streamed.countDown();
            await(finish);
            if (turn.text().contains("fail")) {
                return new TurnResult.Failed("model_error", "The model stopped answering.", true);
            }
            turn.emit(QuestEvent.AgentMessage.text(words().strip()));
            return new TurnResult.EndTurn();
        }
        JournalEntry question = turn.emit(new QuestEvent.AgentToolUse("AskUserQuestion",
                JsonNodeFactory.instance.objectNode().put("question", "Which database?").put("default", "Postgres")
                        .set("options", JsonNodeFactory.instance.arrayNode().add("SQLite").add("Postgres")),
                Decision.Permission.ASK));
        return new TurnResult.RequiresAction(List.of(question.id()));
    }

    @Test
    void aRunningCommandsOutputShowsInItsStepMergedPerHandOff() throws Exception {
        String id = create("run the tests");
        conversation.show(id);
        await(started);
        TranscriptRow.Step step = await(TranscriptRow.Step.class, row -> row.state() == StepState.RUNNING);
        fx.runPending();
        int before = replacements;

        go.countDown();
        await(streamed);
        assertEquals(1, fx.pending(), PIECES + " pieces and a chunk, one hand-off");
        fx.runPending();
        TranscriptRow.Step live = find(TranscriptRow.Step.class, row -> row.entry().equals(step.entry()));
        List<String> lines = live.output().lines().toList();
        assertEquals("line " + PIECES, lines.get(lines.size() - 1));
        assertEquals(OutputTail.LINES, lines.size(), "the tail");
        assertEquals(lines.stream().distinct().count(), lines.size(), "the journaled chunk repeats nothing");
        assertTrue(replacements - before <= 2, "one update of the step, not one per piece: "
                + (replacements - before));
        assertTrue(live.output().contains("line 11\n"), live.output());

        finish.countDown();
        TranscriptRow.Step done = await(TranscriptRow.Step.class, row -> row.state() == StepState.DONE);
        assertEquals("50 passed", done.output(), "the result replaces the progress");
        assertEquals(321L, done.durationMs());
    }

    @Test
    void streamedTextIsAProvisionalBubbleReplacedByTheFinalMessage() throws Exception {
        String id = create("explain the change");
        conversation.show(id);
        shown.countDown();
        await(started);
        TranscriptRow.Streaming thinking = await(TranscriptRow.Streaming.class, row -> true);
        assertTrue(thinking.thinking(), "only reasoning so far");
        assertEquals(conversation.rows().size() - 1, conversation.rows().indexOf(thinking), "last");

        go.countDown();
        await(streamed);
        assertEquals(1, fx.pending(), PIECES + " deltas, one hand-off");
        int before = replacements;
        fx.runPending();
        TranscriptRow.Streaming writing = find(TranscriptRow.Streaming.class, row -> true);
        assertEquals(words(), writing.text(), "consecutive deltas joined");
        assertFalse(writing.thinking());
        assertEquals(1, replacements - before, "one update for all of them");

        finish.countDown();
        fx.runUntil(() -> status(id) == QuestStatus.READY && find(TranscriptRow.Streaming.class, row -> true) == null
                && find(TranscriptRow.Message.class, row -> row.text().equals(words().strip())) != null,
                () -> "the final message in place of the bubble: " + conversation.rows());
        TranscriptRow last = conversation.rows().get(conversation.rows().size() - 1);
        assertTrue(conversation.rows().indexOf(find(TranscriptRow.Message.class, row -> !row.fromUser()))
                > conversation.rows().indexOf(find(TranscriptRow.Message.class, TranscriptRow.Message::fromUser)));
        assertFalse(last instanceof TranscriptRow.Streaming);
    }

    @Test
    void aFailedTurnClearsTheStreamedText() throws Exception {
        String id = create("explain and fail");
        conversation.show(id);
        shown.countDown();
        go.countDown();
        await(streamed);
        await(TranscriptRow.Streaming.class, row -> row.text().startsWith("w0 "));
        finish.countDown();
        await(TranscriptRow.Notice.class, TranscriptRow.Notice::open);
        assertNull(find(TranscriptRow.Streaming.class, row -> true), "nothing provisional is left");
        assertEquals(QuestStatus.ERROR, status(id));
    }

    @Test
    void theQuestionCardSendsTheAnswerToTheAgent() throws Exception {
        String id = create("set up storage");
        conversation.show(id);
        TranscriptRow.Question question = await(TranscriptRow.Question.class, TranscriptRow.Question::open);
        assertEquals("Which database?", question.question());
        assertEquals(List.of("SQLite", "Postgres"), question.options());
        assertEquals("Postgres", question.defaultOption());

        cards.answerQuestion(question.entry().id(), "  SQLite, in WAL mode ");
        fx.runUntil(() -> status(id) == QuestStatus.READY, () -> "ready: " + status(id));
        QuestEvent.UserToolConfirmation journaled = (QuestEvent.UserToolConfirmation) store.journal()
                .readByType(id, Set.of("user.tool_confirmation"), 0).get(0).event();
        assertEquals("SQLite, in WAL mode", journaled.answer());
        assertEquals(Decision.ALLOW, journaled.result());
        assertEquals("SQLite, in WAL mode", answers.get(0).get(0).answer(), "and it reaches the agent");
        TranscriptRow.Question answered = await(TranscriptRow.Question.class, row -> row.reply() != null);
        assertFalse(answered.open());
        assertEquals("SQLite, in WAL mode", answered.reply(), "the card keeps the answer, read-only");
        assertNull(find(TranscriptRow.Step.class, row -> true), "a question is not a step");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static String words() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < PIECES; i++) {
            text.append('w').append(i).append(' ');
        }
        return text.toString();
    }

    private String create(String prompt) {
        Quest quest = Quest.create(null, prompt, null, QuestMode.AGENT, QuestEnvironment.LOCAL, Instant.now());
        return engine.executor().create(quest).id();
    }

    private QuestStatus status(String id) {
        return store.quests().summary(id).orElseThrow().status();
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        if (!latch.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("timed out");
        }
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
