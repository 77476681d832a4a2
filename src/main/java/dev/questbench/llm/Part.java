package dev.questbench.llm;

/** A piece of a message, common to both wire protocols. */
public sealed interface Part {

    record Text(String text) implements Part {
    }

    /** Model reasoning; {@code signature} is Anthropic's opaque signature, to send back unchanged (may be null). */
    record Thinking(String text, String signature) implements Part {
    }

    /**
     * A tool call the model made. {@code argumentsJson} is the raw argument text exactly as streamed, which may
     * be malformed; the caller parses it and tells the model when it cannot.
     */
    record ToolCall(String id, String name, String argumentsJson) implements Part {
    }

    /** The result of a tool call, sent back in a USER message. */
    record ToolResult(String callId, String content, boolean isError) implements Part {
    }
}
