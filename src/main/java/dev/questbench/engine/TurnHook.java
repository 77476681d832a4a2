package dev.questbench.engine;

import dev.questbench.agent.TurnResult;

/**
 * Runs after each turn of a quest ends, on the worker thread (goal loop, spec flow). Returning true means
 * the hook started or queued follow-up work itself, so queued user messages wait.
 */
@FunctionalInterface
public interface TurnHook {
    boolean afterTurn(String questId, TurnResult result, QuestExecutor executor);
}
