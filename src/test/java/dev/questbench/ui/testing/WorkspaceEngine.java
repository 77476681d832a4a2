package dev.questbench.ui.testing;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.engine.GoalLoop;
import dev.questbench.engine.Notifier;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.engine.QuestWorkspaces;
import dev.questbench.engine.ScriptedBackend;
import dev.questbench.engine.SpecFlow;
import dev.questbench.engine.schedule.Scheduler;
import dev.questbench.store.Store;
import dev.questbench.ui.common.QuestEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The real engine with its workspace side, as the desktop app wires it: worktrees, a checkpoint before every
 * turn, Revert, Move to local. A scripted backend does the agent's work; quests made with {@link #quest} run on it.
 */
public final class WorkspaceEngine implements AutoCloseable {
    public final QuestEngine parts;
    public final ScriptedBackend backend;

    /** @param env where git is looked for: {@code System.getenv()}, or {@code Map.of("PATH", "/nonexistent")} for none */
    public WorkspaceEngine(Store store, ScriptedBackend.Script script, Map<String, String> env) {
        backend = new ScriptedBackend(script);
        QuestExecutor executor = new QuestExecutor(store, List.of(backend), Notifier.NONE);
        SpecFlow specs = new SpecFlow(store);
        GoalLoop goals = new GoalLoop(store, (goal, summary, round) -> null, Notifier.NONE);
        executor.addTurnHook(specs);
        executor.addTurnHook(goals);
        QuestWorkspaces workspaces = QuestWorkspaces.install(store, executor, env); // before quests start
        Scheduler scheduler = new Scheduler(store, executor, Notifier.NONE, Clock.systemDefaultZone(), null);
        executor.start();
        parts = new QuestEngine(executor, goals, specs, scheduler, null, workspaces);
    }

    public WorkspaceEngine(Store store, ScriptedBackend.Script script) {
        this(store, script, System.getenv());
    }

    /** A quest for the scripted agent in a workspace for {@code folder}. */
    public static Quest quest(Store store, Path folder, String prompt, QuestEnvironment environment) {
        String workspaceId = folder == null ? null : store.workspaces().open(folder.toString()).id();
        Quest quest = Quest.create(null, prompt, workspaceId, QuestMode.AGENT, environment, Instant.now());
        return quest.withBackend(ScriptedBackend.KIND, null, quest.createdAt());
    }

    public QuestExecutor executor() {
        return parts.executor();
    }

    public QuestWorkspaces workspaces() {
        return parts.workspaces();
    }

    @Override
    public void close() {
        parts.scheduler().close();
        parts.executor().close();
    }
}
