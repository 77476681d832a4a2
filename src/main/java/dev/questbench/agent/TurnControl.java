package dev.questbench.agent;

/**
 * What the user asked of a running turn. Backends check it at their yield points: before each model call
 * and before each tool.
 */
public interface TurnControl {

    /** Pause asked: stop before the next model call or tool, keep the context, return {@link TurnResult.Paused}. */
    boolean pauseRequested();

    /** Stop asked: return {@link TurnResult.Stopped} as soon as possible. */
    boolean stopRequested();

    /** A control that never asks anything, for tools and tests that run a session directly. */
    TurnControl NONE = new TurnControl() {
        @Override
        public boolean pauseRequested() {
            return false;
        }

        @Override
        public boolean stopRequested() {
            return false;
        }
    };
}
