package dev.questbench.review.ai;

import dev.questbench.domain.event.QuestEvent;
import dev.questbench.domain.event.QuestEvent.ReviewFindings.Finding;
import java.util.List;

/**
 * What an AI review found: merged findings, most severe first, and one readable entry per pass that failed
 * (e.g. {@code "correctness: API key rejected …"}).
 */
public record ReviewReport(List<Finding> findings, List<String> failures) {
    public ReviewReport {
        findings = List.copyOf(findings);
        failures = List.copyOf(failures);
    }

    public QuestEvent.ReviewFindings toEvent() {
        return new QuestEvent.ReviewFindings("ai", findings, failures);
    }
}
