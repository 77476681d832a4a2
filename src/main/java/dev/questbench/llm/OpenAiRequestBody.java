package dev.questbench.llm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The Chat Completions request for a {@link ModelRequest}: the system prompt as a {@code system} message, tool
 * results as one {@code tool} message each, assistant tool calls as {@code tool_calls}. Thinking is not sent back
 * (DeepSeek rejects {@code reasoning_content} in requests).
 */
final class OpenAiRequestBody {
    private OpenAiRequestBody() {
    }

    /** {@code maxTokensField} is {@code max_completion_tokens} for OpenAI itself, {@code max_tokens} elsewhere. */
    static ObjectNode of(ModelRequest request, String model, String maxTokensField) {
        ObjectNode body = Json.object();
        body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        if (request.system() != null && !request.system().isBlank()) {
            messages.addObject().put("role", "system").put("content", request.system());
        }
        for (ChatMessage message : request.messages()) {
            if (message.role() == ChatMessage.Role.USER) {
                addUser(messages, message);
            } else {
                addAssistant(messages, message);
            }
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolSpec tool : request.tools()) {
                ObjectNode function = tools.addObject().put("type", "function").putObject("function");
                function.put("name", tool.name());
                function.put("description", tool.description() == null ? "" : tool.description());
                function.set("parameters", Json.objectSchema(tool.inputSchema()));
            }
        }
        if (request.maxTokens() > 0) {
            body.put(maxTokensField, request.maxTokens());
        }
        if (request.temperature() != null) {
            body.put("temperature", request.temperature());
        }
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        return body;
    }

    private static void addUser(ArrayNode messages, ChatMessage message) {
        List<String> texts = new ArrayList<>();
        for (Part part : message.parts()) {
            if (part instanceof Part.ToolResult result) {
                // OpenAI has no error flag on tool results; say it in the content so the model notices.
                String content = result.content() == null ? "" : result.content();
                messages.addObject().put("role", "tool").put("tool_call_id", result.callId())
                        .put("content", result.isError() ? "Error: " + content : content);
            } else if (part instanceof Part.Text text && !text.text().isEmpty()) {
                texts.add(text.text());
            }
        }
        if (!texts.isEmpty()) {
            messages.addObject().put("role", "user").put("content", String.join("\n\n", texts));
        }
    }

    private static void addAssistant(ArrayNode messages, ChatMessage message) {
        StringBuilder text = new StringBuilder();
        List<Part.ToolCall> calls = new ArrayList<>();
        for (Part part : message.parts()) {
            if (part instanceof Part.Text t) {
                text.append(t.text());
            } else if (part instanceof Part.ToolCall call) {
                calls.add(call);
            }
        }
        if (text.length() == 0 && calls.isEmpty()) {
            return;
        }
        ObjectNode assistant = messages.addObject().put("role", "assistant").put("content", text.toString());
        if (!calls.isEmpty()) {
            ArrayNode toolCalls = assistant.putArray("tool_calls");
            for (Part.ToolCall call : calls) {
                ObjectNode entry = toolCalls.addObject().put("id", call.id()).put("type", "function");
                String arguments = call.argumentsJson() == null || call.argumentsJson().isBlank()
                        ? "{}" : call.argumentsJson();
                entry.putObject("function").put("name", call.name()).put("arguments", arguments);
            }
        }
    }
}
