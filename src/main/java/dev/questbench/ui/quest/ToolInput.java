package dev.questbench.ui.quest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * What a tool use wants to do, for an approval or a step: its subject (the exact command, file path, URL or
 * pattern, as the agent sent it), the remaining arguments as compact JSON, and for Write and Edit a capped
 * preview of the change ({@code diff}: the preview is {@code -}/{@code +} lines).
 */
record ToolInput(String subject, String rest, String preview, boolean diff) {
    private static final Map<String, List<String>> SUBJECTS = Map.of(
            "Bash", List.of("command"),
            "Read", List.of("file_path", "path"),
            "Write", List.of("file_path", "path"),
            "Edit", List.of("file_path", "path"),
            "Glob", List.of("pattern"),
            "Grep", List.of("pattern"),
            "WebFetch", List.of("url"),
            "AskUserQuestion", List.of("question"));
    private static final List<String> ANY = List.of("command", "file_path", "path", "url", "pattern", "query");
    private static final int MAX_REST = 600;
    static final int PREVIEW_LINES = 40;
    private static final int PREVIEW_CHARS = 6_000;

    ToolInput(String subject, String rest) {
        this(subject, rest, "", false);
    }

    static ToolInput of(String tool, JsonNode input) {
        if (input == null || input.isNull() || input.isMissingNode()) {
            return new ToolInput("", "");
        }
        if (!input.isObject()) {
            return new ToolInput(input.isTextual() ? input.asText() : input.toString(), "");
        }
        ObjectNode others = input.deepCopy();
        String preview = "";
        boolean diff = false;
        if ("Edit".equals(tool) && (input.hasNonNull("old_string") || input.hasNonNull("new_string"))) {
            preview = editPreview(input.path("old_string").asText(""), input.path("new_string").asText(""));
            diff = true;
            others.remove(List.of("old_string", "new_string"));
        } else if ("Write".equals(tool) && input.hasNonNull("content")) {
            preview = capped(input.path("content").asText(""));
            others.remove("content");
        }
        for (String field : SUBJECTS.getOrDefault(tool, ANY)) {
            JsonNode value = others.get(field);
            if (value != null && value.isValueNode()) {
                others.remove(field);
                return new ToolInput(value.asText(), others.isEmpty() ? "" : cut(others.toString()), preview, diff);
            }
        }
        return new ToolInput("", others.isEmpty() ? "" : cut(others.toString()), preview, diff);
    }

    /** The replaced text as {@code -} lines and its replacement as {@code +} lines, capped together. */
    private static String editPreview(String before, String after) {
        StringBuilder lines = new StringBuilder();
        if (!before.isEmpty()) {
            lines.append(prefixed(before, "-"));
        }
        if (!after.isEmpty()) {
            if (lines.length() > 0) {
                lines.append('\n');
            }
            lines.append(prefixed(after, "+"));
        }
        return capped(lines.toString());
    }

    private static String prefixed(String text, String mark) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(mark).append(line);
        }
        return out.toString();
    }

    /** At most {@link #PREVIEW_LINES} lines and a few thousand characters, saying how much was left out. */
    static String capped(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (; shown < lines.length && shown < PREVIEW_LINES; shown++) {
            if (out.length() + lines[shown].length() > PREVIEW_CHARS) {
                break;
            }
            if (shown > 0) {
                out.append('\n');
            }
            out.append(lines[shown]);
        }
        if (shown < lines.length) {
            int more = lines.length - shown;
            out.append("\n… ").append(more).append(more == 1 ? " more line" : " more lines");
        }
        return out.toString();
    }

    private static String cut(String text) {
        return text.length() <= MAX_REST ? text : text.substring(0, MAX_REST) + "…";
    }
}
