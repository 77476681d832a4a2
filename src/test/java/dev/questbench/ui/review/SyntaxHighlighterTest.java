package dev.questbench.ui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.ui.review.SyntaxHighlighter.Language;
import dev.questbench.ui.review.SyntaxHighlighter.Span;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The lexer's tokens per language family, language detection, and state carried across lines. */
class SyntaxHighlighterTest {

    @ParameterizedTest(name = "{0}: {2} is {3}")
    @CsvSource(delimiter = '|', value = {
        "Main.java      | public static void main(String[] a) { return; } | public            | keyword",
        "Main.java      | String s = \"hi\"; // note                       | \"hi\"            | string",
        "Main.java      | String s = \"hi\"; // note                       | // note           | comment",
        "Main.java      | int x = 42;                                     | 42                | number",
        "Main.java      | List<String> xs;                                | List              | type",
        "App.kt         | fun main() { val x = 1 }                        | fun               | keyword",
        "app.ts         | const f = async () => await g();                | const             | keyword",
        "main.go        | func main() { defer x() }                       | defer             | keyword",
        "lib.rs         | pub fn go(&mut self) -> u8 { 0 }                | fn                | keyword",
        "a.cpp          | #include <x> /* c */ int y;                     | /* c */           | comment",
        "run.py         | def f(self): return None  # done                | # done            | comment",
        "run.py         | def f(self): return None  # done                | def               | keyword",
        "build.sh       | if [ -n \"$HOME\" ]; then echo $USER; fi         | $USER             | variable",
        "data.json      | {\"name\": \"x\", \"n\": 3, \"ok\": true}           | \"name\"          | attribute",
        "data.json      | {\"name\": \"x\", \"n\": 3, \"ok\": true}           | \"x\"             | string",
        "data.json      | {\"name\": \"x\", \"n\": 3, \"ok\": true}           | true              | keyword",
        "ci.yml         | runs-on: ubuntu-latest # comment                | runs-on           | attribute",
        "pom.xml        | <dependency scope=\"test\">                      | <dependency       | tag",
        "pom.xml        | <dependency scope=\"test\">                      | scope             | attribute",
        "index.html     | <!-- note --><p>                                | <!-- note -->     | comment",
        "site.css       | .a { color: red; }                              | color             | attribute",
        "README.md      | ## Install                                      | ## Install        | heading",
        "README.md      | run `mvn verify` first                          | `mvn verify`      | string",
        "schema.sql     | SELECT id FROM quest -- all                     | SELECT            | keyword",
        "schema.sql     | SELECT id FROM quest -- all                     | -- all            | comment",
    })
    void highlightsTokens(String path, String line, String token, String style) {
        List<Span> spans = SyntaxHighlighter.highlight(SyntaxHighlighter.languageOf(path), List.of(line)).get(0);
        int at = line.indexOf(token);
        assertTrue(at >= 0, "token in line");
        assertTrue(spans.contains(new Span(at, at + token.length(), style)),
                () -> token + " as " + style + " in " + spans);
    }

    @Test
    void blockCommentsAndTripleQuotesCarryAcrossLines() {
        List<List<Span>> java = SyntaxHighlighter.highlight(Language.C_LIKE, List.of("int a; /* start", "middle",
                "end */ int b;"));
        assertEquals(List.of(new Span(0, 6, "comment")), java.get(1));
        assertTrue(java.get(2).contains(new Span(0, 6, "comment")));
        assertTrue(java.get(2).contains(new Span(7, 10, "keyword")));
        List<List<Span>> python = SyntaxHighlighter.highlight(Language.PYTHON, List.of("x = \"\"\"doc", "def not",
                "\"\"\""));
        assertEquals(List.of(new Span(0, 7, "string")), python.get(1));
    }

    @Test
    void picksLanguageFromExtension() {
        assertEquals(Language.C_LIKE, SyntaxHighlighter.languageOf("src/Main.java"));
        assertEquals(Language.PYTHON, SyntaxHighlighter.languageOf("a/b.py"));
        assertEquals(Language.YAML, SyntaxHighlighter.languageOf(".github/ci.YAML"));
        assertEquals(Language.SHELL, SyntaxHighlighter.languageOf("Dockerfile"));
        assertEquals(Language.PLAIN, SyntaxHighlighter.languageOf("LICENSE"));
    }

    @Test
    void wordDiffMarksOnlyTheChangedWords() {
        WordDiff.Result result = WordDiff.of("return a + b;", "return a - count;");
        assertEquals("+|b", ranges("return a + b;", result.oldRanges()));
        assertEquals("-|count", ranges("return a - count;", result.newRanges()));
        WordDiff.Result same = WordDiff.of("same", "same");
        assertTrue(same.oldRanges().isEmpty() && same.newRanges().isEmpty());
    }

    private static String ranges(String text, List<int[]> ranges) {
        return ranges.stream().map(r -> text.substring(r[0], r[1])).collect(Collectors.joining("|"));
    }
}
