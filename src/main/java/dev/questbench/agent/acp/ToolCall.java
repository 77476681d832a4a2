package dev.questbench.agent.acp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * What the client knows of one ACP tool call, merged from {@code tool_call} and its {@code tool_call_update}s, and
 * its place in the journal (the {@code agent.tool_use} event id once journaled).
 */
final class ToolCall {
    final String id;
    String title = "";
    String kind = "other";
    String status = "pending";
    JsonNode content;
    JsonNode locations;
    JsonNode rawInput;
    JsonNode rawOutput;
    String useEventId;
    boolean resulted;

    ToolCall(String id) {
        this.id = id;
    }

    /** Takes the fields an update sets; ACP updates carry only what changed. */
    void merge(JsonNode update) {
        title = text(update, "title", title);
        kind = text(update, "kind", kind);
        status = text(update, "status", status);
        content = node(update, "content", content);
        locations = node(update, "locations", locations);
        rawInput = node(update, "rawInput", rawInput);
        rawOutput = node(update, "rawOutput", rawOutput);
    }

    boolean finished() {
        return "completed".equals(status) || "failed".equals(status);
    }

    /** The tool name in the Cloud toolset's words, so cards and summaries read as for the built-in agent. */
    String toolName() {
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "read" -> "Read";
            case "edit" -> "Edit";
            case "delete" -> "Delete";
            case "move" -> "Move";
            case "search" -> "Grep";
            case "execute" -> "Bash";
            case "think" -> "Think";
            case "fetch" -> "WebFetch";
            default -> title.isBlank() ? "Tool" : title;
        };
    }

    /** The {@code agent.tool_use} input: what the agent said it does, its files, command and diffs. */
    ObjectNode input() {
        ObjectNode input = JsonRpcConnection.MAPPER.createObjectNode();
        input.put("title", title);
        input.put("kind", kind);
        if (rawInput != null && rawInput.isObject()) {
            JsonNode command = rawInput.get("command");
            if (command != null) {
                input.put("command", command.isArray() ? join(command) : command.asText());
            }
        }
        if (locations != null && locations.isArray() && !locations.isEmpty()) {
            input.put("file_path", locations.get(0).path("path").asText());
            input.set("locations", locations);
        }
        ArrayNode diffs = diffs();
        if (!diffs.isEmpty()) {
            if (!input.has("file_path")) {
                input.put("file_path", diffs.get(0).path("path").asText());
            }
            input.set("diffs", diffs);
            // The approval card and the step preview an edit from these, as for the built-in Edit.
            String[] changed = DiffText.changed(diffs.get(0).path("old_text").asText(""),
                    diffs.get(0).path("new_text").asText(""));
            input.put("old_string", changed[0]);
            input.put("new_string", changed[1]);
        }
        if (rawInput != null) {
            input.set("raw_input", rawInput);
        }
        return input;
    }

    /** The {@code diff} content items as {@code {path, old_text, new_text}}. */
    ArrayNode diffs() {
        ArrayNode diffs = JsonRpcConnection.MAPPER.createArrayNode();
        if (content != null) {
            for (JsonNode item : content) {
                if ("diff".equals(item.path("type").asText())) {
                    ObjectNode diff = diffs.addObject().put("path", item.path("path").asText());
                    diff.set("old_text", item.get("oldText"));
                    diff.put("new_text", item.path("newText").asText());
                }
            }
        }
        return diffs;
    }

    private static String join(JsonNode array) {
        StringBuilder text = new StringBuilder();
        array.forEach(word -> text.append(text.length() == 0 ? "" : " ").append(word.asText()));
        return text.toString();
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    private static JsonNode node(JsonNode node, String field, JsonNode fallback) {
        JsonNode value = node.get(field);
        return value == null ? fallback : value;
    }
}
