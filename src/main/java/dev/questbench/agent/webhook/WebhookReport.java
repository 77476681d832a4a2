package dev.questbench.agent.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.domain.event.QuestEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * A structured webhook result read as a review: {@code {summary, findings[]}} (Qodo's {@code review} command)
 * becomes a Markdown report for the transcript and {@code quest.review_findings} for the review panel's gutter.
 */
final class WebhookReport {
    private WebhookReport() {
    }

    static boolean isReview(JsonNode result) {
        return result != null && result.isObject() && result.path("findings").isArray();
    }

    static String markdown(JsonNode result) {
        StringBuilder text = new StringBuilder();
        if (result.hasNonNull("summary")) {
            text.append(result.get("summary").asText().strip()).append("\n\n");
        }
        JsonNode findings = result.path("findings");
        text.append("**").append(findings.size()).append(findings.size() == 1 ? " finding" : " findings")
                .append("**\n");
        for (JsonNode finding : findings) {
            text.append("\n- **").append(finding.path("finding_title").asText("Finding")).append("** (")
                    .append(finding.path("severity_level").asText("concern")).append(") `")
                    .append(finding.path("file_path").asText("")).append(':')
                    .append(finding.path("diff_pointer").path("start_line").asInt()).append("`: ")
                    .append(finding.path("reason").asText("").strip());
            if (finding.hasNonNull("recommended_fix")) {
                text.append("\n  Fix: ").append(finding.get("recommended_fix").asText().strip());
            }
        }
        return text.toString();
    }

    static QuestEvent.ReviewFindings findings(String source, JsonNode result) {
        List<QuestEvent.ReviewFindings.Finding> findings = new ArrayList<>();
        int n = 0;
        for (JsonNode finding : result.path("findings")) {
            JsonNode pointer = finding.path("diff_pointer");
            String severity = "breaking-issue".equals(finding.path("severity_level").asText()) ? "critical"
                    : "warning";
            String evidence = finding.path("reason").asText("")
                    + (finding.hasNonNull("evidence") ? "\n" + finding.get("evidence").asText() : "");
            findings.add(new QuestEvent.ReviewFindings.Finding("wh_" + (++n), "webhook", severity,
                    finding.path("file_path").asText(""), pointer.path("start_line").asInt(),
                    pointer.path("end_line").asInt(pointer.path("start_line").asInt()),
                    finding.path("finding_title").asText("Finding"), evidence.strip(),
                    finding.path("recommended_fix").asText(null)));
        }
        return new QuestEvent.ReviewFindings(source, findings, List.of());
    }
}
