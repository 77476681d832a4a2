package dev.questbench.preview;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** GitHub-flavoured Markdown to HTML, highlighted code, Mermaid blocks, and the page around it. */
class MarkdownRendererTest {
    private final MarkdownRenderer renderer = new MarkdownRenderer(
            (language, code) -> "<span class=\"hl-" + language + "\">" + Html.escape(code) + "</span>");

    @Test
    void rendersTheGfmExtensions() {
        String html = renderer.toHtml("| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\n"
                + "~~old~~ see https://example.com here[^1]\n\n[^1]: A note.\n");
        assertTrue(html.contains("<table>") && html.contains("<td>1</td>"), html);
        assertTrue(html.contains("type=\"checkbox\"") && html.contains("checked"), html);
        assertTrue(html.contains("<del>old</del>"), html);
        assertTrue(html.contains("<a href=\"https://example.com\">"), html);
        assertTrue(html.contains("footnote"), html);
    }

    @Test
    void codeGoesThroughTheHighlighterAndMermaidIsLeftForTheBrowser() {
        String html = renderer.toHtml("```java\nint a = 1 < 2;\n```\n\n```mermaid\ngraph TD; A-->B\n```\n");
        assertTrue(html.contains("<pre><code class=\"language-java\"><span class=\"hl-java\">int a = 1 &lt; 2;"),
                html);
        assertTrue(html.contains("<pre class=\"mermaid\">graph TD; A--&gt;B"), html);
        assertTrue(MarkdownRenderer.hasMermaid(html));
        assertFalse(MarkdownRenderer.hasMermaid(renderer.toHtml("plain")));
    }

    @Test
    void bigDocumentsSplitAtABlankLineOutsideCode() {
        String head = "# T\n\n" + "word ".repeat(30) + "\n\n```\n" + "code\n\n".repeat(20) + "```\n\nafter\n";
        String doc = head + "tail\n".repeat(200);
        int cut = MarkdownRenderer.firstPartEnd(doc, 160);
        assertTrue(cut > doc.indexOf("```\n\nafter") && doc.substring(0, cut).endsWith("\n\n"), "cut at " + cut);
        assertTrue(MarkdownRenderer.firstPartEnd("short\n\ntext", 160) < 0);
        assertTrue(MarkdownRenderer.mentionsMermaid("x\n```mermaid\ngraph TD\n```"));
    }

    @Test
    void pagesCarryThePolicyAndTheMermaidScript() {
        String page = PreviewPage.document("Notes", "<p>x</p>", "body{}", "http://127.0.0.1:1/_qb/mermaid.min.js");
        assertTrue(page.contains("<script src=\"http://127.0.0.1:1/_qb/mermaid.min.js\">"), page);
        assertTrue(page.contains("mermaid.run("), page);
        assertFalse(PreviewPage.document("Notes", "<p>x</p>", "", null).contains("<script src="));
        assertNotNull(PreviewPage.mermaidScript(), "Mermaid's WebJar is on the class path");
        assertTrue(PreviewPage.contentSecurityPolicy(true).contains("default-src *"));
        assertFalse(PreviewPage.contentSecurityPolicy(false).contains("default-src *"), "no wildcard when blocked");
        assertTrue(PreviewPage.contentSecurityPolicy(false).contains("http://127.0.0.1:*"));
    }
}
