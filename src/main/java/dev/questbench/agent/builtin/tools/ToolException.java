package dev.questbench.agent.builtin.tools;

/** A tool error the model sees as an error result; the message says what was wrong and how to fix it. */
public final class ToolException extends Exception {
    public ToolException(String message) {
        super(message);
    }

    public ToolException(String message, Throwable cause) {
        super(message, cause);
    }
}
