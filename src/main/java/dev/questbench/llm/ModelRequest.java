package dev.questbench.llm;

import java.util.List;

/**
 * One model call.
 *
 * @param maxTokens the output cap (Anthropic requires one; 0 lets the client pick its default)
 * @param temperature null for the provider's default
 */
public record ModelRequest(String model, String system, List<ChatMessage> messages, List<ToolSpec> tools,
                           int maxTokens, Double temperature) {
    public ModelRequest {
        messages = List.copyOf(messages);
        tools = tools == null ? List.of() : List.copyOf(tools);
    }
}
