package dev.questbench.llm;

/** Receives a model stream as it arrives, on the calling thread. All methods default to doing nothing. */
public interface StreamListener {
    StreamListener NONE = new StreamListener() {
    };

    default void onTextDelta(String text) {
    }

    default void onThinkingDelta(String text) {
    }

    /**
     * A piece of a tool call: {@code index} is its position in the response; {@code id} and {@code name} are set
     * on the first piece and may be null afterwards; {@code argumentsDelta} may be empty.
     */
    default void onToolCallDelta(int index, String id, String name, String argumentsDelta) {
    }

    /** A failed attempt will be retried after {@code delayMillis}; {@code reason} is readable. */
    default void onRetry(int attempt, long delayMillis, String reason) {
    }
}
