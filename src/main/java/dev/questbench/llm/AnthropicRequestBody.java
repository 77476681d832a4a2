package dev.questbench.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Messages request for a {@link ModelRequest}: {@code system} at the top, tool results as
 * {@code tool_result} blocks, tool calls as {@code tool_use} blocks, signed thinking sent back. Anthropic rejects
 * consecutive messages of one role and empty messages, so adjacent same-role messages are merged and empty ones
 * dropped; in a user message tool results come first, as the API requires.
 */
final class AnthropicRequestBody {
    /** Used when the request leaves the output cap to the client; Anthropic requires one. */
    static final int DEFAULT_MAX_TOKENS = 8192;

    private AnthropicRequestBody() {
    }

    static ObjectNode of(ModelRequest request, String model) {
        ObjectNode body = Json.object();
        body.put("model", model);
        body.put("max_tokens", request.maxTokens() > 0 ? request.maxTokens() : DEFAULT_MAX_TOKENS);
        if (request.system() != null && !request.system().isBlank()) {
            body.put("system", request.system());
        }
        ArrayNode messages = body.putArray("messages");
        String lastRole = null;
        List<ObjectNode> pending = new ArrayList<>();
        for (ChatMessage message : request.messages()) {
            List<ObjectNode> blocks = blocks(message);
            if (blocks.isEmpty()) {
                continue;
            }
            String role = message.role() == ChatMessage.Role.USER ? "user" : "assistant";
            if (!role.equals(lastRole)) {
                flush(messages, lastRole, pending);
                lastRole = role;
            }
            pending.addAll(blocks);
        }
        flush(messages, lastRole, pending);
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolSpec tool : request.tools()) {
                ObjectNode entry = tools.addObject().put("name", tool.name());
                entry.put("description", tool.description() == null ? "" : tool.description());
                entry.set("input_schema", Json.objectSchema(tool.inputSchema()));
            }
        }
        if (request.temperature() != null) {
            body.put("temperature", request.temperature());
        }
        body.put("stream", true);
        return body;
    }

    private static void flush(ArrayNode messages, String role, List<ObjectNode> blocks) {
        if (role == null || blocks.isEmpty()) {
            return;
        }
        if (role.equals("user")) {
            blocks.sort(Comparator.comparing(block -> !"tool_result".equals(Json.text(block, "type"))));
        }
        ObjectNode message = messages.addObject().put("role", role);
        message.putArray("content").addAll(blocks);
        blocks.clear();
    }

    private static List<ObjectNode> blocks(ChatMessage message) {
        List<ObjectNode> blocks = new ArrayList<>();
        for (Part part : message.parts()) {
            if (part instanceof Part.Text text) {
                if (!text.text().isEmpty()) { // Anthropic rejects empty text blocks
                    blocks.add(Json.object().put("type", "text").put("text", text.text()));
                }
            } else if (part instanceof Part.Thinking thinking) {
                // Unsigned thinking (e.g. from another provider) cannot be verified and would be rejected.
                if (thinking.signature() != null && !thinking.signature().isEmpty()) {
                    blocks.add(Json.object().put("type", "thinking").put("thinking", thinking.text())
                            .put("signature", thinking.signature()));
                }
            } else if (part instanceof Part.ToolCall call) {
                ObjectNode block = Json.object().put("type", "tool_use").put("id", call.id()).put("name", call.name());
                block.set("input", input(call.argumentsJson()));
                blocks.add(block);
            } else if (part instanceof Part.ToolResult result) {
                blocks.add(Json.object().put("type", "tool_result").put("tool_use_id", result.callId())
                        .put("content", result.content() == null ? "" : result.content())
                        .put("is_error", result.isError()));
            }
        }
        return blocks;
    }

    /** The tool call's arguments as an object; a call whose arguments do not parse goes back as {@code {}}. */
    private static JsonNode input(String argumentsJson) {
        JsonNode parsed = Json.tryParse(argumentsJson);
        return parsed != null && parsed.isObject() ? parsed : Json.object();
    }
}
