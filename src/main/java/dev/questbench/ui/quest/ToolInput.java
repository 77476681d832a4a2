package dev.questbench.ui.quest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What a tool use wants to do, for an approval: its subject (the exact command, file path, URL or pattern, as
 * the agent sent it) and the remaining arguments as compact JSON.
 */
record ToolInput(String subject, String rest) {
    private static final Map<String, List<String>> SUBJECTS = Map.of(
            "Bash", List.of("command"),
            "Read", List.of("file_path", "path"),
            "Write", List.of("file_path", "path"),
            "Edit", List.of("file_path", "path"),
            "Glob", List.of("pattern"),
            "Grep", List.of("pattern"),
            "WebFetch", List.of("url"));
    private static final List<String> ANY = List.of("command", "file_path", "path", "url", "pattern", "query");
    private static final int MAX_REST = 600;

    static ToolInput of(String tool, JsonNode input) {
        if (input == null || input.isNull() || input.isMissingNode()) {
            return new ToolInput("", "");
        }
        if (!input.isObject()) {
            return new ToolInput(input.isTextual() ? input.asText() : input.toString(), "");
        }
        for (String field : SUBJECTS.getOrDefault(tool, ANY)) {
            JsonNode value = input.get(field);
            if (value != null && value.isValueNode()) {
                com.fasterxml.jackson.databind.node.ObjectNode others = input.deepCopy();
                others.remove(field);
                return new ToolInput(value.asText(), others.isEmpty() ? "" : cut(others.toString()));
            }
        }
        return new ToolInput("", cut(input.toString()));
    }

    private static String cut(String text) {
        return text.length() <= MAX_REST ? text : text.substring(0, MAX_REST) + "…";
    }
}
