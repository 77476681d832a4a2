package dev.questbench.app;

import dev.questbench.agent.AgentBackend;
import dev.questbench.engine.GoalEvaluator;
import dev.questbench.engine.GoalLoop;
import dev.questbench.engine.Notifier;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.engine.SpecFlow;
import dev.questbench.engine.schedule.Scheduler;
import dev.questbench.store.Store;
import dev.questbench.ui.common.QuestEngine;
import java.util.List;

/**
 * Starts the engine behind the desktop window (executor with spec and goal modes, then the scheduler) and stops
 * it in the reverse order. Call off the FX thread: start-up recovery reads the store.
 */
final class DesktopEngine implements AutoCloseable {
    /** Why goal checks fail until model clients exist; shown on the goal card and in the conversation. */
    static final String NO_GOAL_MODEL = "no model is connected to check goals yet: goal checks arrive with the "
            + "built-in agent in the next version of Questbench. The goal is kept; edit or delete it on the goal card.";

    private final QuestEngine parts;

    private DesktopEngine(QuestEngine parts) {
        this.parts = parts;
    }

    /** Recovers interrupted and queued quests, then starts the scheduler (which may start quests at once). */
    static DesktopEngine start(Store store, List<? extends AgentBackend> backends, Notifier notifier) {
        QuestExecutor executor = new QuestExecutor(store, backends, notifier);
        SpecFlow specs = new SpecFlow(store);
        GoalLoop goals = new GoalLoop(store, unavailableEvaluator(), notifier);
        executor.addTurnHook(specs);
        executor.addTurnHook(goals);
        executor.start();
        Scheduler scheduler = new Scheduler(store, executor, notifier);
        try {
            scheduler.start();
        } catch (RuntimeException e) {
            scheduler.close();
            executor.close();
            throw e;
        }
        return new DesktopEngine(new QuestEngine(executor, goals, specs, scheduler));
    }

    /** Until the model clients exist, every goal check fails with a message that says so. */
    static GoalEvaluator unavailableEvaluator() {
        return (goal, roundSummary, round) -> {
            throw new IllegalStateException(NO_GOAL_MODEL);
        };
    }

    QuestEngine parts() {
        return parts;
    }

    /** The scheduler first (it starts quests), then the executor: running turns are marked Interrupted. */
    @Override
    public void close() {
        parts.scheduler().close();
        parts.executor().close();
    }
}
