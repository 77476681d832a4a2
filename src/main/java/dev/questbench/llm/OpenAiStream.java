package dev.questbench.llm;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads OpenAI-compatible chat completion chunks. Lenient with the many servers that speak it: usage may be
 * missing, {@code [DONE]} may be missing after a finish reason, choices may be empty, tool-call indexes may be
 * reused for calls with different ids, and errors may arrive as JSON in a data line.
 */
final class OpenAiStream implements EventStream {
    private final ContentAssembler content;
    private final ProviderErrors errors;
    private String model;
    private String finishReason;
    private Usage usage;
    private boolean done;
    private int lastToolIndex = -1;

    OpenAiStream(ContentAssembler content, ProviderErrors errors, String requestedModel) {
        this.content = content;
        this.errors = errors;
        this.model = requestedModel;
    }

    @Override
    public void onEvent(String event, String data) throws ModelException {
        if (data.isBlank()) {
            return;
        }
        if (data.strip().equals("[DONE]")) {
            done = true;
            return;
        }
        JsonNode chunk = Json.tryParse(data);
        if (chunk == null || !chunk.isObject()) {
            throw errors.malformed(data);
        }
        if (event.equals("error") || chunk.hasNonNull("error") || "error".equals(Json.text(chunk, "object"))) {
            throw errors.reported(chunk);
        }
        String chunkModel = Json.text(chunk, "model");
        model = chunkModel == null || chunkModel.isEmpty() ? model : chunkModel;
        JsonNode usageNode = chunk.get("usage");
        if (usageNode != null && usageNode.isObject()) {
            usage = usage(usageNode);
        }
        JsonNode choices = chunk.path("choices");
        if (choices.isArray() && !choices.isEmpty()) {
            choice(choices.get(0));
        }
    }

    private void choice(JsonNode choice) {
        JsonNode delta = choice.path("delta");
        String reasoning = Json.text(delta, "reasoning_content");
        content.thinking(reasoning != null ? reasoning : Json.text(delta, "reasoning"));
        content.text(Json.text(delta, "content"));
        JsonNode calls = delta.path("tool_calls");
        if (calls.isArray()) {
            for (JsonNode call : calls) {
                toolCall(call);
            }
        }
        String reason = Json.text(choice, "finish_reason");
        if (reason != null && !reason.isEmpty()) {
            finishReason = reason;
        }
    }

    private void toolCall(JsonNode call) {
        String id = Json.text(call, "id");
        JsonNode function = call.path("function");
        int index = call.path("index").isInt() ? call.get("index").asInt() : -1;
        if (index < 0) {
            // No index (some Gemini/Ollama versions): a new id starts a new call, otherwise continue the last.
            index = lastToolIndex < 0 || id != null && !id.equals(content.toolCallId(lastToolIndex))
                    ? content.toolCallCount() : lastToolIndex;
        } else if (id != null && content.toolCallId(index) != null && !id.equals(content.toolCallId(index))) {
            index = content.toolCallCount(); // the same index reused for a different call
        }
        lastToolIndex = index;
        content.toolCall(index, id, Json.text(function, "name"), Json.text(function, "arguments"));
    }

    private static Usage usage(JsonNode node) {
        Long cached = Json.number(node.path("prompt_tokens_details"), "cached_tokens");
        Long cacheHit = Json.number(node, "prompt_cache_hit_tokens"); // DeepSeek
        Long input = Json.number(node, "prompt_tokens");
        Long output = Json.number(node, "completion_tokens");
        return new Usage(input == null ? 0 : input, output == null ? 0 : output, null,
                cached != null ? cached : cacheHit);
    }

    @Override
    public boolean finished() {
        return done;
    }

    @Override
    public boolean complete() {
        return done || finishReason != null;
    }

    @Override
    public ModelResponse response() {
        return new ModelResponse(content.parts(), stopReason(finishReason, content.toolCallCount() > 0), usage,
                model);
    }

    /** stop → end_turn, tool_calls → tool_use, length → max_tokens; "stop" with tool calls (older Ollama) → tool_use. */
    static String stopReason(String finishReason, boolean hasToolCalls) {
        if (finishReason == null || finishReason.equals("stop") || finishReason.equals("eos")) {
            return hasToolCalls ? ModelResponse.TOOL_USE : ModelResponse.END_TURN;
        }
        return switch (finishReason) {
            case "tool_calls", "function_call" -> ModelResponse.TOOL_USE;
            case "length" -> ModelResponse.MAX_TOKENS;
            default -> finishReason;
        };
    }
}
