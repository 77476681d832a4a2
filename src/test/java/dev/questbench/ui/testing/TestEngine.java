package dev.questbench.ui.testing;

import dev.questbench.agent.AgentBackend;
import dev.questbench.agent.AgentSession;
import dev.questbench.agent.QuestContext;
import dev.questbench.domain.Quest;
import dev.questbench.engine.GoalEvaluator;
import dev.questbench.engine.GoalLoop;
import dev.questbench.engine.Notifier;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.engine.ScriptedBackend;
import dev.questbench.engine.SpecFlow;
import dev.questbench.engine.schedule.Scheduler;
import dev.questbench.store.Store;
import dev.questbench.ui.common.QuestEngine;
import java.time.Clock;
import java.util.List;

/**
 * The real engine over a test's store, wired as the app wires it: executor with spec and goal modes, and a
 * scheduler without a timer. A scripted backend can stand in for the built-in agent, so quests made the way
 * the UI makes them run on it.
 */
public final class TestEngine implements AutoCloseable {
    public final QuestEngine parts;

    public TestEngine(Store store, GoalEvaluator evaluator, List<? extends AgentBackend> backends) {
        this(store, evaluator, backends, true);
    }

    private TestEngine(Store store, GoalEvaluator evaluator, List<? extends AgentBackend> backends, boolean start) {
        QuestExecutor executor = new QuestExecutor(store, backends, Notifier.NONE);
        SpecFlow specs = new SpecFlow(store);
        GoalLoop goals = new GoalLoop(store, evaluator, Notifier.NONE);
        executor.addTurnHook(specs);
        executor.addTurnHook(goals);
        Scheduler scheduler = new Scheduler(store, executor, Notifier.NONE, Clock.systemDefaultZone(), null);
        if (start) {
            executor.start();
            scheduler.start();
        }
        parts = new QuestEngine(executor, goals, specs, scheduler);
    }

    /**
     * An engine that was never started: nothing is recovered or picked up, so a store seeded by hand stays as
     * seeded (for screenshots). Commands still reach the executor.
     */
    public static TestEngine unstarted(Store store) {
        return new TestEngine(store, (goal, summary, round) -> null, List.of(), false);
    }

    /** The scripted backend answering for the built-in agent (quests from the New Quest dialog use that). */
    public static TestEngine withBuiltin(Store store, ScriptedBackend scripted, GoalEvaluator evaluator) {
        return new TestEngine(store, evaluator, List.of(asBuiltin(scripted)));
    }

    public static AgentBackend asBuiltin(ScriptedBackend scripted) {
        return new AgentBackend() {
            @Override
            public String kind() {
                return Quest.BUILTIN_BACKEND;
            }

            @Override
            public AgentSession open(QuestContext context) {
                return scripted.open(context);
            }
        };
    }

    public QuestExecutor executor() {
        return parts.executor();
    }

    @Override
    public void close() {
        parts.scheduler().close();
        parts.executor().close();
    }
}
