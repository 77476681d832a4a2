package dev.questbench.review.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.domain.event.QuestEvent.ReviewFindings.Finding;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading a pass's answer leniently. */
class FindingParserTest {
    private static final Set<String> PATHS = Set.of("src/App.java", "docs/README.md");

    @Test
    void readsJsonWhoseEvidenceQuotesACodeFence() {
        String answer = """
                {"findings":[{"severity":"Warning","file":"./docs/README.md","start_line":"4","end_line":2,
                  "title":"Broken example","evidence":"```java\\nnew App()\\n```","suggestion":"Fix it"}]}""";

        List<Finding> findings = FindingParser.parse(answer, "impact", PATHS);

        assertEquals(List.of(new Finding(null, "impact", "warning", "docs/README.md", 4, 4, "Broken example",
                "```java\nnew App()\n```", "Fix it")), findings,
                "severity ignores case, a text line number is read, an end before the start is the start");
    }

    @Test
    void matchesAPathBySuffixAndDropsUnknownFiles() {
        String answer = """
                [{"severity":"critical","file":"App.java","start_line":7,"title":"t"},
                 {"severity":"critical","file":"Missing.java","start_line":1,"title":"t"}]""";

        List<Finding> findings = FindingParser.parse(answer, "correctness", PATHS);

        assertEquals(1, findings.size());
        assertEquals("src/App.java", findings.get(0).path());
        assertEquals("critical", findings.get(0).severity());
    }

    @Test
    void proseWithoutJsonIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FindingParser.parse("Looks good to me.", "impact", PATHS));
        assertTrue(e.getMessage().contains("Looks good to me."), e.getMessage());
    }
}
