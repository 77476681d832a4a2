package dev.questbench.preview;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
    void pagesCarryTheBaseUrlThePolicyAndTheBundledMermaid() {
        Path folder = Path.of("/tmp/site");
        String page = PreviewPage.document("Notes", "<p>x</p>", folder, "body{}", true);
        assertTrue(page.contains("<base href=\"" + folder.toUri()), page);
        assertTrue(page.contains("Content-Security-Policy"), page);
        assertNotNull(PreviewPage.mermaidScript(), "Mermaid's WebJar is on the class path");
        assertTrue(page.contains(PreviewPage.mermaidScript().toExternalForm()), page);
        String wrapped = PreviewPage.wrapHtml("<html><head><title>t</title></head><body/></html>", folder, false);
        assertTrue(wrapped.indexOf("Content-Security-Policy") < wrapped.indexOf("<title>"), wrapped);
        assertTrue(PreviewPage.wrapHtml("<p>bare</p>", folder, true).contains("default-src *"));
        assertFalse(PreviewPage.contentSecurityPolicy(false).contains("default-src *"), "no wildcard when blocked");
    }
}
