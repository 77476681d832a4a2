package dev.questbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.TurnResult;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestOptions;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoalAndSpecTest {
    @TempDir
    Path dir;

    private final List<String> inputs = new CopyOnWriteArrayList<>();

    private TurnResult answer(ScriptedBackend.Turn turn) {
        inputs.add(turn.text());
        turn.emit(QuestEvent.AgentMessage.text("coverage is now " + (60 + 10 * inputs.size()) + "%"));
        return new TurnResult.EndTurn();
    }

    private List<QuestEvent.GoalEvaluated> verdicts(EngineFixture f, String id) {
        return f.store.journal().readByType(id, Set.of("quest.goal_evaluated"), 0).stream()
                .map(e -> (QuestEvent.GoalEvaluated) e.event()).toList();
    }

    @Test
    void goalLoopRunsRoundsUntilTheEvaluatorSaysMet() {
        AtomicInteger evaluations = new AtomicInteger();
        try (EngineFixture f = new EngineFixture(dir, 4, this::answer)) {
            GoalLoop loop = new GoalLoop(f.store, (goal, summary, round) -> {
                evaluations.incrementAndGet();
                boolean met = summary.contains("90%");
                return new GoalVerdict(met, met ? "coverage above 80%" : "only " + summary, "add tests");
            }, Notifier.NONE);
            f.executor.addTurnHook(loop);
            Quest quest = EngineFixture.quest("tests");
            f.store.quests().create(quest);
            loop.start(f.executor, quest.id(), "raise coverage above 80%");
            EngineFixture.await(() -> verdicts(f, quest.id()).stream().anyMatch(QuestEvent.GoalEvaluated::met),
                    () -> "goal met; verdicts " + verdicts(f, quest.id()));
            f.awaitStatus(quest.id(), QuestStatus.READY);
            List<QuestEvent.GoalEvaluated> verdicts = verdicts(f, quest.id());
            assertEquals(List.of(1, 2, 3), verdicts.stream().map(QuestEvent.GoalEvaluated::round).toList());
            assertEquals(3, inputs.size());
            assertTrue(inputs.get(1).contains("raise coverage above 80%") && inputs.get(1).contains("add tests"),
                    inputs.get(1));
            assertEquals(3, evaluations.get());
        }
    }

    @Test
    void goalLoopStopsAtTheRoundLimit() {
        try (EngineFixture f = new EngineFixture(dir, 4, this::answer)) {
            f.store.settings().set(GoalLoop.MAX_ROUNDS, 2);
            f.executor.addTurnHook(new GoalLoop(f.store, (goal, summary, round) ->
                    new GoalVerdict(false, "never enough", "try harder"), Notifier.NONE));
            Quest quest = EngineFixture.quest("impossible").withOptions(
                    new QuestOptions(false, "be perfect", PermissionMode.DEFAULT), Instant.now());
            f.executor.create(quest);
            EngineFixture.await(() -> verdicts(f, quest.id()).size() == 2 && f.status(quest.id()) == QuestStatus.READY,
                    () -> "two rounds; " + f.types(quest.id()));
            assertEquals(2, inputs.size(), "no third round");
        }
    }

    @Test
    void specModeWaitsForBuildThenWorksThroughTheTasks() {
        try (EngineFixture f = new EngineFixture(dir, 4, turn -> {
            inputs.add(turn.text());
            turn.emit(QuestEvent.AgentMessage.text(inputs.size() == 1
                    ? "## Requirements\nPaging\n## Tasks\n- [ ] Add page size\n- [ ] Add next link\n"
                    : "built"));
            return new TurnResult.EndTurn();
        })) {
            SpecFlow spec = new SpecFlow(f.store);
            f.executor.addTurnHook(spec);
            Quest quest = EngineFixture.quest("paginate orders").withOptions(
                    new QuestOptions(true, null, PermissionMode.DEFAULT), Instant.now());
            f.executor.create(quest);
            f.awaitStatus(quest.id(), QuestStatus.ACTION_REQUIRED);
            assertTrue(inputs.get(0).contains("## Acceptance criteria"), "the agent was asked for a spec");
            JournalEntry proposed = f.store.journal().readByType(quest.id(), Set.of("quest.spec_proposed"), 0).get(0);
            assertEquals(List.of("Add page size", "Add next link"), ((QuestEvent.SpecProposed) proposed.event())
                    .tasks().stream().map(QuestEvent.TodoUpdated.TodoItem::content).toList());
            assertEquals(1, inputs.size(), "nothing is built before Build");

            assertTrue(spec.build(f.executor, quest.id()));
            f.awaitStatus(quest.id(), QuestStatus.READY);
            assertEquals(2, inputs.size());
            assertTrue(inputs.get(1).startsWith("Build the spec") && inputs.get(1).contains("- Add next link"));
            assertFalse(inputs.get(1).contains("## Acceptance criteria"), "no spec instructions after Build");
            assertEquals(1, f.store.journal().readByType(quest.id(), Set.of("quest.todo_updated"), 0).size());
        }
    }

    @Test
    void verdictParsingToleratesFencesAndRejectsProse() {
        GoalVerdict verdict = GoalVerdict.parse("Sure!\n```json\n{\"met\": false, \"reason\": \"70%\", "
                + "\"next_step\": \"test the parser\"}\n```");
        assertEquals(new GoalVerdict(false, "70%", "test the parser"), verdict);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> GoalVerdict.parse("I think it is fine"));
        assertTrue(error.getMessage().contains("I think it is fine"));
    }
}
