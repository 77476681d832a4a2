package dev.questbench.review.external;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.domain.event.QuestEvent.ReviewFindings.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps Qodo Merge's {@code raw_data.code_suggestions} to findings. Its fields often end in a stray newline, so
 * every text is stripped. Severity comes from the label and the 1–10 score.
 */
final class QodoSuggestions {

    private QodoSuggestions() {
    }

    static List<Finding> toFindings(JsonNode response) {
        JsonNode suggestions = response.path("raw_data").path("code_suggestions");
        List<Finding> findings = new ArrayList<>();
        if (!suggestions.isArray()) {
            return findings;
        }
        for (JsonNode s : suggestions) {
            String path = text(s, "relevant_file");
            if (path.isEmpty()) {
                continue;
            }
            int start = Math.max(1, s.path("relevant_lines_start").asInt(1));
            int end = Math.max(start, s.path("relevant_lines_end").asInt(start));
            String title = text(s, "one_sentence_summary");
            String content = text(s, "suggestion_content");
            String improved = text(s, "improved_code");
            String suggestion = improved.isEmpty() ? content : content + "\n\n" + improved;
            findings.add(new Finding("external-" + (findings.size() + 1), text(s, "label"),
                    severity(text(s, "label"), s.path("score").asInt(0)), path, start, end,
                    title.isEmpty() ? content : title, text(s, "existing_code"), suggestion));
        }
        return findings;
    }

    /**
     * Security issues and high-scoring possible bugs are critical, other possible bugs warnings, the rest
     * (best practice, maintainability, style) suggestions.
     */
    static String severity(String label, int score) {
        String lower = label.toLowerCase(Locale.ROOT);
        if (lower.contains("security")) {
            return "critical";
        }
        if (lower.contains("bug") || lower.contains("possible issue") || lower.contains("error")) {
            return score >= 9 ? "critical" : "warning";
        }
        return "suggestion";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText().strip();
    }
}
