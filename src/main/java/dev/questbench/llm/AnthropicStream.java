package dev.questbench.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads Anthropic Messages events: {@code message_start} (input usage), content blocks of text, thinking and
 * tool use with their deltas, {@code message_delta} (stop reason, output usage), {@code message_stop}, {@code ping}
 * and {@code error}. Content blocks of other types (server tools, redacted thinking) are skipped.
 */
final class AnthropicStream implements EventStream {
    private final ContentAssembler content;
    private final ProviderErrors errors;
    /** Content block index → tool call position in the response. */
    private final Map<Integer, Integer> toolCallOfBlock = new HashMap<>();
    private String model;
    private String stopReason;
    private long inputTokens;
    private long outputTokens;
    private Long cacheCreation;
    private Long cacheRead;
    private boolean stopped;

    AnthropicStream(ContentAssembler content, ProviderErrors errors, String requestedModel) {
        this.content = content;
        this.errors = errors;
        this.model = requestedModel;
    }

    @Override
    public void onEvent(String event, String data) throws ModelException {
        if (data.isBlank()) {
            return;
        }
        JsonNode json = Json.tryParse(data);
        if (json == null || !json.isObject()) {
            throw errors.malformed(data);
        }
        String type = Json.text(json, "type");
        switch (type == null ? event : type) {
            case "message_start" -> start(json.path("message"));
            case "content_block_start" -> blockStart(json.path("index").asInt(), json.path("content_block"));
            case "content_block_delta" -> blockDelta(json.path("index").asInt(), json.path("delta"));
            case "content_block_stop" -> content.closeBlock();
            case "message_delta" -> {
                String reason = Json.text(json.path("delta"), "stop_reason");
                stopReason = reason != null ? reason : stopReason;
                usage(json.path("usage"));
            }
            case "message_stop" -> stopped = true;
            case "error" -> throw errors.reported(json);
            default -> {
                // ping and event types added later
            }
        }
    }

    private void start(JsonNode message) {
        String answered = Json.text(message, "model");
        model = answered != null && !answered.isEmpty() ? answered : model;
        usage(message.path("usage"));
    }

    private void usage(JsonNode usage) {
        Long input = Json.number(usage, "input_tokens");
        Long output = Json.number(usage, "output_tokens");
        Long creation = Json.number(usage, "cache_creation_input_tokens");
        Long read = Json.number(usage, "cache_read_input_tokens");
        inputTokens = input != null && input > 0 ? input : inputTokens;
        outputTokens = output != null ? output : outputTokens; // message_delta carries the running total
        cacheCreation = creation != null ? creation : cacheCreation;
        cacheRead = read != null ? read : cacheRead;
    }

    private void blockStart(int index, JsonNode block) {
        content.closeBlock();
        switch (String.valueOf(Json.text(block, "type"))) {
            case "text" -> content.text(Json.text(block, "text"));
            case "thinking" -> {
                content.thinking(Json.text(block, "thinking"));
                content.thinkingSignature(Json.text(block, "signature"));
            }
            case "tool_use" -> {
                int position = content.toolCallCount();
                toolCallOfBlock.put(index, position);
                JsonNode input = block.path("input");
                // The input normally streams as input_json_delta; a non-empty one here is the whole input.
                String arguments = input.isObject() && !input.isEmpty() ? Json.write(input) : "";
                content.toolCall(position, Json.text(block, "id"), Json.text(block, "name"), arguments);
            }
            default -> {
            }
        }
    }

    private void blockDelta(int index, JsonNode delta) {
        switch (String.valueOf(Json.text(delta, "type"))) {
            case "text_delta" -> content.text(Json.text(delta, "text"));
            case "thinking_delta" -> content.thinking(Json.text(delta, "thinking"));
            case "signature_delta" -> content.thinkingSignature(Json.text(delta, "signature"));
            case "input_json_delta" -> {
                Integer position = toolCallOfBlock.get(index);
                String partial = Json.text(delta, "partial_json");
                if (position != null && partial != null && !partial.isEmpty()) {
                    content.toolCall(position, null, null, partial);
                }
            }
            default -> {
            }
        }
    }

    @Override
    public boolean finished() {
        return stopped;
    }

    @Override
    public boolean complete() {
        return stopped;
    }

    @Override
    public ModelResponse response() {
        String reason = stopReason != null ? stopReason
                : content.toolCallCount() > 0 ? ModelResponse.TOOL_USE : ModelResponse.END_TURN;
        return new ModelResponse(content.parts(), reason,
                new Usage(inputTokens, outputTokens, cacheCreation, cacheRead), model);
    }
}
