package dev.questbench.review.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.domain.event.QuestEvent.ReviewFindings.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Merging and ordering findings from several passes. */
class FindingMergerTest {

    @Test
    void differentIssuesOnOverlappingLinesStaySeparate() {
        List<Finding> merged = FindingMerger.merge(List.of(
                finding("impact", "warning", "A.java", 10, 14, "Changes the default timeout"),
                finding("correctness", "warning", "A.java", 12, 12, "Leaks the input stream")), "ai");

        assertEquals(2, merged.size());
    }

    @Test
    void similarTitlesOnOverlappingLinesMergeIntoTheWidestRange() {
        List<Finding> merged = FindingMerger.merge(List.of(
                finding("impact", "suggestion", "A.java", 10, 14, "Input stream is never closed"),
                finding("correctness", "warning", "A.java", 12, 16, "Stream never closed")), "ai");

        assertEquals(1, merged.size());
        assertEquals("warning", merged.get(0).severity());
        assertEquals(10, merged.get(0).startLine());
        assertEquals(16, merged.get(0).endLine());
        assertEquals("Stream never closed", merged.get(0).title());
    }

    @Test
    void sortsBySeverityThenFileThenLine() {
        List<Finding> merged = FindingMerger.merge(List.of(
                finding("impact", "suggestion", "A.java", 1, 1, "one"),
                finding("impact", "critical", "B.java", 9, 9, "two"),
                finding("impact", "critical", "B.java", 2, 2, "three"),
                finding("impact", "warning", "A.java", 5, 5, "four")), "ai");

        assertEquals(List.of("three", "two", "four", "one"), merged.stream().map(Finding::title).toList());
        assertEquals("ai-1", merged.get(0).id());
    }

    @Test
    void titleSimilarity() {
        assertTrue(FindingMerger.similar("Missing null check", "Null check missing on name"));
        assertFalse(FindingMerger.similar("Missing null check", "SQL injection in query"));
    }

    private static Finding finding(String pass, String severity, String path, int start, int end, String title) {
        return new Finding(null, pass, severity, path, start, end, title, "", "");
    }
}
