package dev.questbench.workspace.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FuzzyScoreTest {
    @Test
    void aQueryThatIsNotASubsequenceDoesNotMatch() {
        assertEquals(FuzzyScore.NO_MATCH, FuzzyScore.score("xyz", "src/app.java", "src/app.java", 4));
        assertEquals(FuzzyScore.NO_MATCH, FuzzyScore.score("jx", "src/app.java", "src/app.java", 4));
    }

    @Test
    void consecutiveCharactersScoreHigherThanScatteredOnes() {
        int together = FuzzyScore.score("view", "a/composerview.java", "a/composerview.java", 2);
        int scattered = FuzzyScore.score("view", "a/vxixexw.java", "a/vxixexw.java", 2);
        assertTrue(together > scattered, together + " vs " + scattered);
    }

    @Test
    void segmentStartsScoreHigherThanMidWordLetters() {
        int starts = FuzzyScore.score("qv", "x/quest_view.md", "x/quest_view.md", 2);
        int middle = FuzzyScore.score("qv", "x/aqaavaa.md", "x/aqaavaa.md", 2);
        assertTrue(starts > middle, starts + " vs " + middle);
    }

    @Test
    void aMatchInTheFileNameBeatsOneAcrossFolders() {
        int basename = FuzzyScore.score("main", "src/domain/main.java", "src/domain/main.java", 11);
        int folders = FuzzyScore.score("main", "m/a/i/n/x.java", "m/a/i/n/x.java", 8);
        assertTrue(basename > folders, basename + " vs " + folders);
    }

    @Test
    void camelCaseWordStartsCountAsSegmentStarts() {
        int camel = FuzzyScore.score("cv", "x/composerview.java", "x/ComposerView.java", 2);
        int flat = FuzzyScore.score("cv", "x/composerview.java", "x/composerview.java", 2);
        assertTrue(camel > flat, camel + " vs " + flat);
    }

    @Test
    void aLaterSegmentStartIsPreferredWhenTheRestStillFits() {
        // "t" at "_test" rather than the "t" inside "at": the segment start scores more
        int score = FuzzyScore.score("at", "x/a_test", "x/a_test", 2);
        assertTrue(score > FuzzyScore.score("at", "x/aqtqq", "x/aqtqq", 2));
    }
}
