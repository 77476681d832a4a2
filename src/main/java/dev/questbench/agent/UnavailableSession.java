package dev.questbench.agent;

import java.util.List;

/**
 * A session for a quest whose backend cannot run it (no such agent, no token, a bad URL): every turn fails with
 * the same message saying what to fix, and Retry tries again after the fix.
 */
public record UnavailableSession(String errorType, String message) implements AgentSession {
    @Override
    public TurnResult send(UserInput input) {
        return failed();
    }

    @Override
    public TurnResult confirm(List<ToolConfirmation> answers) {
        return failed();
    }

    @Override
    public TurnResult resume() {
        return failed();
    }

    private TurnResult failed() {
        return new TurnResult.Failed(errorType, message, true);
    }

    @Override
    public void cancel() {
    }

    @Override
    public void close() {
    }
}
