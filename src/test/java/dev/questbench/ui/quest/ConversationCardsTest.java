package dev.questbench.ui.quest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.questbench.agent.AgentBackend;
import dev.questbench.agent.ToolConfirmation;
import dev.questbench.agent.TurnResult;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestOptions;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.EventJson;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.engine.GoalVerdict;
import dev.questbench.engine.ScriptedBackend;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DirectTaskRunner;
import dev.questbench.ui.quest.TranscriptRow.NoticeKind;
import dev.questbench.ui.testing.AnsweringDialogs;
import dev.questbench.ui.testing.QueueExecutor;
import dev.questbench.ui.testing.TestEngine;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conversation's cards answered through the real executor, spec flow and scheduler. */
class ConversationCardsTest {
    private static final String SPEC = "## Requirements\nPaging\n## Tasks\n- [ ] Add page size\n- [ ] Add next link\n";

    @TempDir
    Path dir;
    private final QueueExecutor fx = new QueueExecutor();
    private final AnsweringDialogs dialogs = new AnsweringDialogs();
    private final List<List<ToolConfirmation>> answers = new CopyOnWriteArrayList<>();
    private Store store;
    private TestEngine engine;
    private ConversationViewModel conversation;
    private CardActions cards;

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("data"));
        conversation = new ConversationViewModel(store, new DirectTaskRunner(), fx);
    }

    @AfterEach
    void close() {
        conversation.close();
        if (engine != null) {
            engine.close();
        }
        store.close();
    }

    private void start(List<? extends AgentBackend> backends) {
        engine = new TestEngine(store, (goal, summary, round) -> new GoalVerdict(true, "", ""), backends);
        QuestActions quests = new QuestActions(engine.executor(), new DirectTaskRunner(), dialogs, id -> { });
        cards = new CardActions(store, engine.parts, new DirectTaskRunner(), dialogs,
                conversation.questIdProperty()::get, quests);
    }

    private void startScripted() {
        start(List.of(TestEngine.asBuiltin(new ScriptedBackend(this::script))));
    }

    private TurnResult script(ScriptedBackend.Turn turn) {
        if (turn.call().equals("confirm")) {
            answers.add(turn.answers());
            ToolConfirmation answer = turn.answers().get(0);
            boolean allowed = answer.decision() == Decision.ALLOW;
            turn.emit(new QuestEvent.AgentToolResult(answer.toolUseEventId(), ContentBlock.textList(allowed
                    ? "removed build/" : "The user denied this tool use."), !allowed, allowed ? 12L : 0L));
            turn.emit(QuestEvent.AgentMessage.text("Cleaned."));
            return new TurnResult.EndTurn();
        }
        if (turn.text().contains("clean")) {
            JournalEntry use = turn.emit(new QuestEvent.AgentToolUse("Bash",
                    JsonNodeFactory.instance.objectNode().put("command", "rm -rf build").put("timeout", 60),
                    Decision.Permission.ASK));
            return new TurnResult.RequiresAction(List.of(use.id()));
        }
        if (turn.text().contains("review")) {
            JournalEntry ask = turn.emit(new QuestEvent.SubagentEvent("evt_agent", "Code Reviewer",
                    EventJson.toTree(new QuestEvent.AgentToolUse("Bash", JsonNodeFactory.instance.objectNode()
                            .put("command", "rm -rf build"), Decision.Permission.ASK)),
                    "It failed in the sandbox (exit code 1: Read-only file system). Run it without the sandbox?"));
            return new TurnResult.RequiresAction(List.of(ask.id()));
        }
        if (turn.text().contains("long")) {
            turn.sleep(10_000);
            return new TurnResult.EndTurn();
        }
        turn.emit(QuestEvent.AgentMessage.text(turn.text().contains("## Acceptance criteria") ? SPEC : "Built."));
        return new TurnResult.EndTurn();
    }

    @Test
    void anApprovalCardAnsweredAllowAlwaysContinuesTheTurn() throws Exception {
        startScripted();
        String id = create("clean the build folder", false);
        conversation.show(id);
        TranscriptRow.Approval card = await(TranscriptRow.Approval.class, TranscriptRow.Approval::open);
        assertEquals("Bash", card.tool());
        assertEquals("rm -rf build", card.input().subject(), "the exact command");
        assertEquals("{\"timeout\":60}", card.input().rest());

        cards.answer(card.entry().id(), Decision.ALLOW, true, "ignored when allowing");
        fx.runUntil(() -> status(id) == QuestStatus.READY, () -> "ready: " + status(id));
        TranscriptRow.Step answered = await(TranscriptRow.Step.class, row -> row.answer() != null);
        assertEquals(card.entry().id(), answered.entry().id(), "the answered card became its step");
        assertNull(find(TranscriptRow.Approval.class, row -> true), "no card is left");
        assertEquals(new TranscriptRow.Answer(Decision.ALLOW, true, null), answered.answer());
        assertEquals(TranscriptRow.StepState.DONE, answered.state());
        assertEquals(12L, answered.durationMs());
        assertEquals("removed build/", answered.output());
        QuestEvent.UserToolConfirmation journaled = (QuestEvent.UserToolConfirmation) store.journal()
                .readByType(id, Set.of("user.tool_confirmation"), 0).get(0).event();
        assertTrue(journaled.alwaysForQuest(), "always_for_quest is journaled");
        assertTrue(answers.get(0).get(0).alwaysForQuest(), "and reaches the agent");
    }

    @Test
    void denyCarriesTheMessageForTheAgent() throws Exception {
        startScripted();
        String id = create("clean the build folder", false);
        conversation.show(id);
        TranscriptRow.Approval card = await(TranscriptRow.Approval.class, TranscriptRow.Approval::open);
        cards.answer(card.entry().id(), Decision.DENY, true, "  keep the build folder ");
        fx.runUntil(() -> status(id) == QuestStatus.READY, () -> "ready: " + status(id));
        ToolConfirmation answer = answers.get(0).get(0);
        assertEquals(Decision.DENY, answer.decision());
        assertEquals("keep the build folder", answer.denyMessage());
        assertFalse(answer.alwaysForQuest(), "allow-always never rides on a deny");
        TranscriptRow.Step denied = await(TranscriptRow.Step.class, row -> row.answer() != null);
        assertEquals(TranscriptRow.StepState.DENIED, denied.state());
        assertEquals("You denied it: “keep the build folder”", ToolStepView.answerText(denied.answer()));
    }

    @Test
    void aSubagentsApprovalCardNamesTheExpertAndWhyItAsks() throws Exception {
        startScripted();
        String id = create("review the build", false);
        conversation.show(id);
        TranscriptRow.Approval card = await(TranscriptRow.Approval.class, TranscriptRow.Approval::open);
        assertEquals("Code Reviewer", card.requester());
        assertEquals("It failed in the sandbox (exit code 1: Read-only file system). Run it without the sandbox?",
                card.reason());
        assertEquals("Code Reviewer wants to run `rm -rf build`", ApprovalCardSkin.heading(card.tool(),
                card.requester(), card.input().subject(), true));

        cards.answer(card.entry().id(), Decision.ALLOW, false, null);
        fx.runUntil(() -> status(id) == QuestStatus.READY, () -> "ready: " + status(id));
        assertEquals(card.entry().id(), answers.get(0).get(0).toolUseEventId(), "the answer reaches the agent");
        TranscriptRow.Step answered = await(TranscriptRow.Step.class, row -> row.answer() != null);
        assertEquals(card.entry().id(), answered.entry().id(), "the answered card became its step");
        assertEquals(TranscriptRow.StepState.DONE, answered.state());
    }

    @Test
    void withNoAgentTheErrorCardSaysWhatToDoAndRetryMovesItOn() throws Exception {
        start(List.of());
        String id = create("anything", false);
        conversation.show(id);
        TranscriptRow.Notice error = await(TranscriptRow.Notice.class, TranscriptRow.Notice::open);
        assertEquals(NoticeKind.ERROR, error.kind());
        assertTrue(error.text().startsWith("The built-in agent is not running in this process"),
                error.text());

        cards.retry();
        fx.runUntil(() -> conversation.rows().stream().filter(row -> row instanceof TranscriptRow.Notice).count() == 2,
                () -> "a second error");
        List<TranscriptRow.Notice> notices = conversation.rows().stream()
                .filter(TranscriptRow.Notice.class::isInstance).map(TranscriptRow.Notice.class::cast).toList();
        assertFalse(notices.get(0).open(), "only the latest error offers Retry");
        assertTrue(notices.get(1).open());
    }

    @Test
    void stopLeavesTheQuestReadyWithAStoppedMarker() throws Exception {
        startScripted();
        String id = create("a long job", false);
        conversation.show(id);
        fx.runUntil(() -> conversation.statusProperty().get() == QuestStatus.RUNNING, () -> "running");
        QuestActions actions = new QuestActions(engine.executor(), new DirectTaskRunner(), dialogs, q -> { });
        assertTrue(QuestAction.STOP.allowedFor(store.quests().summary(id).orElseThrow()));
        actions.perform(QuestAction.STOP, store.quests().summary(id).orElseThrow());
        TranscriptRow.Notice stopped = await(TranscriptRow.Notice.class, row -> row.kind() == NoticeKind.STOPPED);
        assertFalse(stopped.open());
        fx.runUntil(() -> conversation.statusProperty().get() == QuestStatus.READY, () -> "ready");
    }

    @Test
    void specCardBuildsAsksForChangesAndExplainsWhatIsMissing() throws Exception {
        startScripted();
        String id = create("paginate orders", true);
        conversation.show(id);
        TranscriptRow.Spec spec = await(TranscriptRow.Spec.class, TranscriptRow.Spec::open);
        assertEquals(List.of("Add page size", "Add next link"),
                spec.tasks().stream().map(QuestEvent.TodoUpdated.TodoItem::content).toList());

        AtomicReference<String> problem = new AtomicReference<>();
        cards.requestChanges("  ", problem::set);
        assertEquals("Say what to change in the spec.", problem.get());
        cards.requestChanges("split the tasks smaller", problem::set);
        fx.runUntil(() -> conversation.rows().stream().filter(TranscriptRow.Spec.class::isInstance).count() == 2,
                () -> "a revised spec");
        TranscriptRow.Spec revised = await(TranscriptRow.Spec.class, TranscriptRow.Spec::open);
        assertTrue(conversation.rows().stream().filter(TranscriptRow.Spec.class::isInstance)
                .map(TranscriptRow.Spec.class::cast).filter(TranscriptRow.Spec::open).count() == 1,
                "only the newest spec waits");

        cards.build();
        TranscriptRow.Spec built = await(TranscriptRow.Spec.class,
                row -> row.entry().id().equals(revised.entry().id()) && "build".equals(row.accepted()));
        assertFalse(built.open());
        fx.runUntil(() -> status(id) == QuestStatus.READY
                && store.journal().readByType(id, Set.of("quest.todo_updated"), 0).size() == 1, () -> "built");
    }

    @Test
    void specCardSchedulesTheBuildWithAReadableTimeOnly() throws Exception {
        startScripted();
        String id = create("paginate orders", true);
        conversation.show(id);
        TranscriptRow.Spec spec = await(TranscriptRow.Spec.class, TranscriptRow.Spec::open);
        AtomicReference<String> problem = new AtomicReference<>();
        boolean[] scheduled = new boolean[1];

        cards.schedule("whenever", spec.tasks(), problem::set, () -> scheduled[0] = true);
        assertTrue(problem.get().startsWith("Cannot tell when"), problem.get());
        assertFalse(scheduled[0]);
        assertTrue(store.journal().readByType(id, Set.of("quest.spec_accepted"), 0).isEmpty(), "nothing accepted");

        cards.schedule("tomorrow at 2:00", spec.tasks(), problem::set, () -> scheduled[0] = true);
        assertTrue(scheduled[0]);
        var schedule = engine.parts.scheduler().list().get(0);
        assertEquals(id, schedule.continueQuestId());
        assertTrue(schedule.prompt().contains("- Add next link"), schedule.prompt());
        await(TranscriptRow.Spec.class, row -> "schedule".equals(row.accepted()) && !row.open());
        assertEquals(QuestStatus.READY, status(id), "the quest no longer waits, so the run can start a turn");
    }

    @Test
    void goalCardFollowsVerdictsAndEditsAndDeletesTheGoal() throws Exception {
        int[] checks = new int[1];
        engine = new TestEngine(store, (goal, summary, round) -> new GoalVerdict(++checks[0] >= 2,
                checks[0] >= 2 ? "coverage is 85%" : "only 70%", "add parser tests"),
                List.of(TestEngine.asBuiltin(new ScriptedBackend(turn -> {
                    turn.emit(QuestEvent.AgentMessage.text("coverage " + (60 + 10 * checks[0]) + "%"));
                    return new TurnResult.EndTurn();
                }))));
        GoalViewModel goal = new GoalViewModel(store, engine.parts, new DirectTaskRunner(), dialogs, fx);
        Quest quest = Quest.create("Tests", "tests", null, QuestMode.AGENT, QuestEnvironment.LOCAL, Instant.now());
        store.quests().create(quest);
        String id = quest.id();
        goal.show(store.quests().summary(id).orElseThrow());
        assertNull(goal.goalProperty().get(), "no goal, no card");

        engine.parts.goals().start(engine.executor(), id, "coverage above 80%");
        fx.runUntil(() -> goal.verdictProperty().get() != null && goal.verdictProperty().get().met(),
                () -> "met; verdict " + goal.verdictProperty().get());
        assertEquals(2, goal.verdictProperty().get().round());
        goal.show(store.quests().summary(id).orElseThrow());
        assertEquals("coverage above 80%", goal.goalProperty().get());
        assertEquals("Met after 2 round(s)", GoalCardView.progress(QuestStatus.READY, goal.verdictProperty().get(), 10));

        goal.edit("coverage above 90%");
        assertEquals("coverage above 90%", store.quests().get(id).orElseThrow().options().goal());
        goal.delete();
        assertNull(store.quests().get(id).orElseThrow().options().goal(), "back to a normal quest");
        assertEquals(2, store.journal().readByType(id, Set.of("agent.message"), 0).size(), "messages are kept");
        goal.close();
    }

    @Test
    void forkFromAMessageOpensANewQuestWithTheTranscriptUpToIt() throws Exception {
        startScripted();
        AtomicReference<String> opened = new AtomicReference<>();
        QuestActions quests = new QuestActions(engine.executor(), new DirectTaskRunner(), dialogs, opened::set);
        CardActions forking = new CardActions(store, engine.parts, new DirectTaskRunner(), dialogs,
                conversation.questIdProperty()::get, quests);
        String id = create("write the report", false);
        conversation.show(id);
        fx.runUntil(() -> status(id) == QuestStatus.READY, () -> "ready");
        TranscriptRow.Message prompt = await(TranscriptRow.Message.class, TranscriptRow.Message::fromUser);

        forking.forkFrom(prompt.entry().id());
        assertTrue(opened.get() != null && !opened.get().equals(id), "the fork opens");
        Quest fork = store.quests().get(opened.get()).orElseThrow();
        assertEquals("write the report (fork)", fork.title());
        assertEquals(QuestEvent.UserMessage.text("write the report"),
                store.journal().readAfter(fork.id(), null, 10).get(0).event());
    }

    // ---- helpers -------------------------------------------------------------------------------

    private String create(String prompt, boolean spec) {
        Quest quest = Quest.create(null, prompt, null, QuestMode.AGENT, QuestEnvironment.LOCAL, Instant.now());
        if (spec) {
            quest = quest.withOptions(new QuestOptions(true, null, PermissionMode.DEFAULT), Instant.now());
        }
        return engine.executor().create(quest).id();
    }

    private QuestStatus status(String id) {
        return store.quests().summary(id).orElseThrow().status();
    }

    /** Waits until the conversation shows a row of this kind matching the test; returns the last such row. */
    private <R extends TranscriptRow> R await(Class<R> kind, java.util.function.Predicate<R> test)
            throws InterruptedException {
        fx.runUntil(() -> find(kind, test) != null, () -> "no matching " + kind.getSimpleName() + " in "
                + conversation.rows());
        return find(kind, test);
    }

    private <R extends TranscriptRow> R find(Class<R> kind, java.util.function.Predicate<R> test) {
        R found = null;
        for (TranscriptRow row : conversation.rows()) {
            if (kind.isInstance(row) && test.test(kind.cast(row))) {
                found = kind.cast(row);
            }
        }
        return found;
    }
}
