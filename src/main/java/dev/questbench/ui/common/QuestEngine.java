package dev.questbench.ui.common;

import dev.questbench.agent.builtin.BuiltinAgent;
import dev.questbench.engine.GoalLoop;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.engine.QuestWorkspaces;
import dev.questbench.engine.SpecFlow;
import dev.questbench.engine.schedule.Scheduler;
import java.util.Objects;

/**
 * The engine parts the window drives: the executor that runs quests, the goal and spec modes layered on it,
 * and the scheduler, plus the built-in agent (its providers for Settings → Models) and the workspace side
 * (worktrees, Revert, Move to local); both null when tests run without them. The app creates and starts them; the window only calls them, off the FX thread.
 */
public record QuestEngine(QuestExecutor executor, GoalLoop goals, SpecFlow specs, Scheduler scheduler,
                          BuiltinAgent agent, QuestWorkspaces workspaces) {
    public QuestEngine(QuestExecutor executor, GoalLoop goals, SpecFlow specs, Scheduler scheduler) {
        this(executor, goals, specs, scheduler, null, null);
    }

    public QuestEngine(QuestExecutor executor, GoalLoop goals, SpecFlow specs, Scheduler scheduler,
                       BuiltinAgent agent) {
        this(executor, goals, specs, scheduler, agent, null);
    }

    public QuestEngine {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(goals, "goals");
        Objects.requireNonNull(specs, "specs");
        Objects.requireNonNull(scheduler, "scheduler");
    }
}
