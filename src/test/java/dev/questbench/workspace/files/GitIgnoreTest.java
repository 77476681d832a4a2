package dev.questbench.workspace.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GitIgnoreTest {
    private static GitIgnore root(String... lines) {
        return GitIgnore.none().with("", List.of(lines));
    }

    @Test
    void plainNamesMatchAtAnyDepth() {
        GitIgnore rules = root("*.log", "build");
        assertTrue(rules.ignored("app.log", false));
        assertTrue(rules.ignored("a/b/app.log", false));
        assertTrue(rules.ignored("sub/build", true));
        assertFalse(rules.ignored("app.log.txt", false));
    }

    @Test
    void commentsBlanksAndEscapes() {
        GitIgnore rules = root("# a comment", "", "\\#hash", "trailing   ");
        assertFalse(rules.ignored("# a comment", false));
        assertTrue(rules.ignored("#hash", false));
        assertTrue(rules.ignored("trailing", false));
    }

    @Test
    void negationReincludesAndTheLastMatchingLineWins() {
        GitIgnore rules = root("*.log", "!keep.log");
        assertTrue(rules.ignored("x.log", false));
        assertFalse(rules.ignored("keep.log", false));
        assertTrue(root("!keep.log", "*.log").ignored("keep.log", false));
    }

    @Test
    void trailingSlashMatchesFoldersOnly() {
        GitIgnore rules = root("out/");
        assertTrue(rules.ignored("out", true));
        assertTrue(rules.ignored("nested/out", true));
        assertFalse(rules.ignored("out", false));
    }

    @Test
    void leadingOrMiddleSlashAnchorsToTheIgnoreFilesFolder() {
        GitIgnore rules = root("/top.txt", "docs/*.pdf");
        assertTrue(rules.ignored("top.txt", false));
        assertFalse(rules.ignored("sub/top.txt", false));
        assertTrue(rules.ignored("docs/a.pdf", false));
        assertFalse(rules.ignored("x/docs/a.pdf", false));
        assertFalse(rules.ignored("docs/deeper/a.pdf", false));
    }

    @Test
    void doubleStars() {
        GitIgnore rules = root("**/logs", "a/**/z", "gen/**");
        assertTrue(rules.ignored("logs", true));
        assertTrue(rules.ignored("x/y/logs", true));
        assertTrue(rules.ignored("a/z", false));
        assertTrue(rules.ignored("a/b/c/z", false));
        assertTrue(rules.ignored("gen/x/y.java", false));
        assertFalse(rules.ignored("gen", true)); // "gen/**" matches what is inside, not the folder itself
    }

    @Test
    void nestedFilesApplyBelowTheirFolderAndWinOverParents() {
        GitIgnore rules = root("*.tmp").with("sub", List.of("!important.tmp", "/local.txt"));
        assertTrue(rules.ignored("other/important.tmp", false));
        assertFalse(rules.ignored("sub/important.tmp", false));
        assertTrue(rules.ignored("sub/local.txt", false));
        assertFalse(rules.ignored("local.txt", false));
        assertFalse(rules.ignored("sub/deeper/local.txt", false));
    }

    @Test
    void characterClassesAndQuestionMarks() {
        GitIgnore rules = root("file[0-9].txt", "?.bak", "[!a]x");
        assertTrue(rules.ignored("file7.txt", false));
        assertFalse(rules.ignored("fileA.txt", false));
        assertTrue(rules.ignored("q.bak", false));
        assertFalse(rules.ignored("qq.bak", false));
        assertTrue(rules.ignored("bx", false));
        assertFalse(rules.ignored("ax", false));
    }

    @Test
    void fileGlobsSupportBracesAndMatchTheFolderOfATrailingDoubleStar() {
        assertTrue(Pattern.matches(GlobRegex.toRegex("**/*.{ts,tsx}", true), "a/b.tsx"));
        assertTrue(Pattern.matches(GlobRegex.toRegex("**/*.{ts,tsx}", true), "b.ts"));
        assertFalse(Pattern.matches(GlobRegex.toRegex("**/*.{ts,tsx}", true), "b.js"));
        assertTrue(Pattern.matches(GlobRegex.toRegex("src/**", true), "src/a/b"));
        assertFalse(Pattern.matches(GlobRegex.toRegex("*.java", true), "a/B.java"));
        assertEquals("a\\.b", GlobRegex.toRegex("a.b", true));
        assertTrue(Pattern.matches(GlobRegex.toRegex("a/**/**", true), "a/b/c"));
    }
}
