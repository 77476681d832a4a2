package dev.questbench.llm;

import java.util.List;

/**
 * What a model call produced once its stream ended.
 *
 * @param content    the assistant message: text, thinking and tool calls, in stream order
 * @param stopReason normalised: {@code end_turn}, {@code tool_use}, {@code max_tokens} or the provider's own word
 * @param model      the model id the provider says answered
 */
public record ModelResponse(List<Part> content, String stopReason, Usage usage, String model) {
    public static final String END_TURN = "end_turn";
    public static final String TOOL_USE = "tool_use";
    public static final String MAX_TOKENS = "max_tokens";

    public ModelResponse {
        content = List.copyOf(content);
        usage = usage == null ? Usage.NONE : usage;
    }

    public List<Part.ToolCall> toolCalls() {
        return content.stream().filter(Part.ToolCall.class::isInstance).map(Part.ToolCall.class::cast).toList();
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        for (Part part : content) {
            if (part instanceof Part.Text text) {
                out.append(text.text());
            }
        }
        return out.toString();
    }
}
