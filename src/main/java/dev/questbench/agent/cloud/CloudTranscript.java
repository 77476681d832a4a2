package dev.questbench.agent.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.agent.EventSink;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a remote session's events into the quest's journal. The vocabularies are the same, so most events map
 * one to one; ids differ (the journal has its own), so remote tool-use ids are translated both ways for results
 * and confirmations. Incremental deltas stream live only; the full {@code agent.message} is journaled.
 */
final class CloudTranscript {
    private final EventSink sink;
    private final Map<String, String> localByRemote = new HashMap<>();
    private final Map<String, String> remoteByLocal = new HashMap<>();
    private final Map<String, String> toolNames = new HashMap<>();
    private String lastToolUse;

    CloudTranscript(EventSink sink) {
        this.sink = sink;
    }

    /** Journals what the event says; session status events are the caller's to interpret. */
    void record(JsonNode event) {
        String type = event.path("type").asText("");
        switch (type) {
            case "agent.content_block_delta" -> delta(event);
            case "agent.message" -> sink.emit(new QuestEvent.AgentMessage(blocks(event.path("content"))));
            case "agent.thinking" -> sink.emit(new QuestEvent.AgentThinking(event.path("thinking").asText(null)));
            case "agent.tool_use", "agent.mcp_tool_use", "agent.custom_tool_use" -> toolUse(event);
            case "agent.tool_result", "agent.mcp_tool_result" -> toolResult(event);
            case "span.model_request_start" -> sink.emit(new QuestEvent.ModelRequestStart(event.path("model")
                    .asText(null)));
            case "span.model_request_end" -> {
                JsonNode usage = event.path("usage");
                sink.emit(new QuestEvent.ModelRequestEnd(event.path("model").asText(null), usage.isObject()
                        ? new QuestEvent.ModelRequestEnd.Usage(usage.path("input_tokens").asLong(),
                        usage.path("output_tokens").asLong(), optional(usage, "cache_creation_input_tokens"),
                        optional(usage, "cache_read_input_tokens")) : null, null));
            }
            default -> {
                // status events, user echoes, spans and threads the journal has no form for
            }
        }
    }

    /** The journal's id for a remote {@code evt_} tool use, or null. */
    String local(String remoteId) {
        return localByRemote.get(remoteId);
    }

    /** The remote {@code evt_} id for a journaled tool use, or null. */
    String remote(String localId) {
        return remoteByLocal.get(localId);
    }

    String toolName(String remoteId) {
        return toolNames.getOrDefault(remoteId, "");
    }

    private void delta(JsonNode event) {
        JsonNode delta = event.path("delta");
        sink.stream(new QuestEvent.AgentContentBlockDelta(event.path("message_id").asText(""),
                event.path("index").asInt(), new QuestEvent.AgentContentBlockDelta.Delta(delta.path("type").asText(),
                delta.path("text").asText(null), delta.path("thinking").asText(null),
                delta.path("partial_json").asText(null))));
    }

    private void toolUse(JsonNode event) {
        String remoteId = event.path("id").asText();
        String permission = event.path("evaluated_permission").asText("allow");
        if ("agent.custom_tool_use".equals(event.path("type").asText())) {
            permission = "ask"; // custom tools always pause
        }
        Decision.Permission evaluated;
        try {
            evaluated = Decision.Permission.fromWire(permission);
        } catch (IllegalArgumentException e) {
            evaluated = Decision.Permission.ASK;
        }
        JournalEntry entry = sink.emit(new QuestEvent.AgentToolUse(event.path("name").asText("Tool"),
                event.path("input"), evaluated));
        localByRemote.put(remoteId, entry.id());
        remoteByLocal.put(entry.id(), remoteId);
        toolNames.put(remoteId, event.path("name").asText(""));
        lastToolUse = entry.id();
    }

    private void toolResult(JsonNode event) {
        String remoteUse = event.path("tool_use_id").asText(event.path("mcp_tool_use_id").asText(null));
        String localUse = remoteUse == null ? lastToolUse : localByRemote.getOrDefault(remoteUse, lastToolUse);
        if (localUse == null) {
            return; // a result for a tool use from before this session's window
        }
        sink.emit(new QuestEvent.AgentToolResult(localUse, blocks(event.path("content")),
                event.path("is_error").asBoolean(false), null));
    }

    private static List<ContentBlock> blocks(JsonNode content) {
        if (content.isTextual()) {
            return ContentBlock.textList(content.asText());
        }
        List<ContentBlock> blocks = new ArrayList<>();
        for (JsonNode block : content) {
            if ("text".equals(block.path("type").asText())) {
                blocks.add(ContentBlock.text(block.path("text").asText()));
            }
        }
        return blocks.isEmpty() ? ContentBlock.textList("") : blocks;
    }

    private static Long optional(JsonNode usage, String field) {
        return usage.hasNonNull(field) ? usage.get(field).asLong() : null;
    }
}
