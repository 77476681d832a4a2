package dev.questbench.engine;

import dev.questbench.agent.TurnResult;

/**
 * Workbench behaviour layered on turns (goal loop, spec flow). Both steps run on the worker thread.
 */
public interface TurnHook {

    /** Before a user message goes to the agent: may add instructions the user does not see as their words. */
    default dev.questbench.agent.UserInput beforeSend(String questId, dev.questbench.agent.UserInput input) {
        return input;
    }

    /**
     * Before the turn's end is written: may replace how the turn yielded (a spec proposal turns a finished
     * turn into one that waits for Build).
     */
    default TurnResult onYield(String questId, TurnResult result) {
        return result;
    }

    /**
     * After the turn's end is written and its worker slot freed. Returning true means the hook started
     * follow-up work itself (e.g. the next goal round), so queued user messages wait for that round.
     */
    default boolean afterTurn(String questId, TurnResult result, QuestExecutor executor) {
        return false;
    }
}
