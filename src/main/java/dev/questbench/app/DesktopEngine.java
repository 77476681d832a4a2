package dev.questbench.app;

import dev.questbench.agent.AgentBackend;
import dev.questbench.agent.acp.AcpBackend;
import dev.questbench.agent.cloud.CloudBackend;
import dev.questbench.agent.webhook.WebhookBackend;
import dev.questbench.agent.builtin.BuiltinAgent;
import dev.questbench.engine.GoalEvaluator;
import dev.questbench.engine.GoalLoop;
import dev.questbench.engine.GoalVerdict;
import dev.questbench.engine.Notifier;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.engine.QuestWorkspaces;
import dev.questbench.engine.SpecFlow;
import dev.questbench.engine.schedule.Scheduler;
import dev.questbench.store.Store;
import dev.questbench.ui.common.QuestEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts the engine behind the desktop window (executor with spec and goal modes, then the scheduler) and stops
 * it in the reverse order. Call off the FX thread: start-up recovery reads the store.
 */
final class DesktopEngine implements AutoCloseable {
    private final QuestEngine parts;
    private final BuiltinAgent agent;

    private DesktopEngine(QuestEngine parts, BuiltinAgent agent) {
        this.parts = parts;
        this.agent = agent;
    }

    /** The built-in agent on the store, with the user's home and environment. */
    static DesktopEngine start(Store store, Map<String, String> env, Notifier notifier) {
        Path home = Path.of(System.getProperty("user.home"));
        BuiltinAgent agent = new BuiltinAgent(store, env, home, BuiltinAgent.Overrides.NONE);
        List<AgentBackend> backends = List.of(agent.backend(), new AcpBackend(store), new CloudBackend(store, env),
                new WebhookBackend(store));
        return start(store, backends, modelEvaluator(agent), notifier, agent, env);
    }

    /** Recovers interrupted and queued quests, then starts the scheduler (which may start quests at once). */
    static DesktopEngine start(Store store, List<? extends AgentBackend> backends, GoalEvaluator evaluator,
                               Notifier notifier, BuiltinAgent agent, Map<String, String> env) {
        QuestExecutor executor = new QuestExecutor(store, backends, notifier);
        QuestWorkspaces workspaces = QuestWorkspaces.install(store, executor, env);
        SpecFlow specs = new SpecFlow(store);
        GoalLoop goals = new GoalLoop(store, evaluator, notifier);
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
        return new DesktopEngine(new QuestEngine(executor, goals, specs, scheduler, agent, workspaces), agent);
    }

    /** Goal checks ask the default model provider; a failure says why (the goal card shows it). */
    static GoalEvaluator modelEvaluator(BuiltinAgent agent) {
        return (goal, roundSummary, round) -> GoalVerdict.parse(agent.complete(
                GoalEvaluator.prompt(goal, roundSummary, round)));
    }

    /** The built-in agent (providers for Settings → Models), or null in tests that run other backends. */
    BuiltinAgent agent() {
        return agent;
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
