package dev.questbench.agent;

/**
 * A live conversation with an agent for one quest. Turns run on the caller's thread (an executor worker)
 * until the agent yields; everything the agent does goes to the context's {@link EventSink}. The executor
 * writes the session status events ({@code session.status_running/idle}, {@code session.error}) from the
 * returned {@link TurnResult}, so a backend emits only agent, span and {@code quest.*} facts.
 */
public interface AgentSession extends AutoCloseable {

    /** Runs one turn for this input until the agent yields. */
    TurnResult send(UserInput input);

    /**
     * Answers pending tool uses (one answer each, for the event ids the last {@link TurnResult.RequiresAction}
     * named) and continues the same turn until the agent yields again.
     */
    TurnResult confirm(java.util.List<ToolConfirmation> answers);

    /**
     * Continues a turn that did not finish (paused, interrupted by a restart, or failed and retried) from
     * the history the session was opened with or has kept, until the agent yields.
     */
    TurnResult resume();

    /**
     * Stops the running turn now, from any thread: closes streams, kills child processes. The running
     * {@code send}/{@code confirm} then returns {@link TurnResult.Stopped} promptly.
     */
    void cancel();

    /** Releases processes and connections; the quest's journal keeps everything needed to reopen. */
    @Override
    void close();
}
