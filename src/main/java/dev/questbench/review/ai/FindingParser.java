package dev.questbench.review.ai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.questbench.domain.event.QuestEvent.ReviewFindings.Finding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Reads a review pass's answer leniently: code fences and prose around the JSON are ignored, unknown severities
 * become suggestions, and findings on files outside the diff are dropped (the model cannot have seen them).
 */
final class FindingParser {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FindingParser() {
    }

    /** The findings in {@code answer}; throws {@link IllegalArgumentException} when no findings JSON is in it. */
    static List<Finding> parse(String answer, String pass, Collection<String> paths) {
        JsonNode root = readJson(answer);
        JsonNode items = root.isArray() ? root : root.get("findings");
        if (items == null || !items.isArray()) {
            throw new IllegalArgumentException("the answer has no \"findings\" list");
        }
        List<Finding> findings = new ArrayList<>();
        for (JsonNode item : items) {
            String path = matchPath(text(item, "file", "path"), paths);
            if (path == null) {
                continue;
            }
            int start = Math.max(1, number(item, "start_line", "line"));
            int end = Math.max(start, number(item, "end_line", "start_line"));
            String title = text(item, "title", "summary");
            findings.add(new Finding(null, pass, severity(text(item, "severity", "level")), path, start, end,
                    title == null ? "" : title.strip(), orEmpty(text(item, "evidence", "code")),
                    orEmpty(text(item, "suggestion", "fix"))));
        }
        return findings;
    }

    /** {@code critical}, {@code warning} or {@code suggestion}; anything else is a suggestion. */
    static String severity(String raw) {
        String value = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "critical", "warning" -> value;
            default -> "suggestion";
        };
    }

    private static JsonNode readJson(String answer) {
        String text = answer == null ? "" : answer.strip();
        int fence = text.indexOf("```");
        if (fence >= 0) {
            int bodyStart = text.indexOf('\n', fence);
            int close = bodyStart < 0 ? -1 : text.indexOf("```", bodyStart);
            JsonNode fenced = close > bodyStart ? outermostJson(text.substring(bodyStart + 1, close)) : null;
            if (fenced != null) {
                return fenced;
            }
        }
        // no fence, or a fence inside the JSON (evidence quoting Markdown): read the outermost braces instead
        JsonNode whole = outermostJson(text);
        if (whole == null) {
            throw new IllegalArgumentException("the answer is not the findings JSON: " + preview(answer));
        }
        return whole;
    }

    /** The text from its first opening to its last closing bracket, parsed; null when that is not JSON. */
    private static JsonNode outermostJson(String text) {
        int open = firstOf(text, '{', '[');
        int last = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
        if (open < 0 || last < open) {
            return null;
        }
        try {
            return MAPPER.readTree(text.substring(open, last + 1));
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String matchPath(String raw, Collection<String> paths) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String file = raw.strip().replace('\\', '/');
        if (file.startsWith("a/") || file.startsWith("b/")) {
            String unprefixed = file.substring(2);
            if (paths.contains(unprefixed) && !paths.contains(file)) {
                file = unprefixed;
            }
        }
        if (file.startsWith("./")) {
            file = file.substring(2);
        }
        if (paths.contains(file)) {
            return file;
        }
        String suffix = "/" + file;
        List<String> matches = paths.stream().filter(path -> path.endsWith(suffix)).toList();
        return matches.size() == 1 ? matches.get(0) : null;
    }

    private static int firstOf(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.has(field) ? node.get(field) : node.get(fallback);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static int number(JsonNode node, String field, String fallback) {
        JsonNode value = node.has(field) && !node.get(field).isNull() ? node.get(field) : node.get(fallback);
        if (value == null) {
            return 0;
        }
        return value.isNumber() ? value.asInt() : parseInt(value.asText());
    }

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text.strip();
    }

    private static String preview(String answer) {
        String text = answer == null ? "" : answer.strip().replaceAll("\\s+", " ");
        return text.isEmpty() ? "(empty)" : text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
