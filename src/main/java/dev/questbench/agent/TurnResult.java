package dev.questbench.agent;

import java.util.List;

/** How a turn yielded; the executor turns it into the session status events. */
public sealed interface TurnResult {

    /** The agent finished the turn; the user can continue. */
    record EndTurn() implements TurnResult {
    }

    /** The agent waits for answers to these {@code agent.tool_use} (or question) event ids. */
    record RequiresAction(List<String> eventIds) implements TurnResult {
        public RequiresAction {
            eventIds = List.copyOf(eventIds);
        }
    }

    /**
     * The turn failed. {@code message} says what happened and what to do (it is shown as is);
     * {@code retryable} says whether Retry makes sense.
     */
    record Failed(String errorType, String message, boolean retryable) implements TurnResult {
    }

    /** The user stopped the turn. */
    record Stopped() implements TurnResult {
    }

    /** The user paused the turn at a yield point; context is kept and Resume continues. */
    record Paused() implements TurnResult {
    }
}
