package dev.questbench.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decks from HTML sections and Markdown parts, and slide pictures written to a PDF page by page. */
class SlideDeckTest {
    @TempDir
    Path dir;

    @Test
    void htmlSectionsBecomeSlidesSharingTheHead() {
        String html = "<html><head><style>.x{color:red}</style></head><body>"
                + "<section><h1>Intro</h1><section>nested</section></section>"
                + "<section><h2>Plan</h2></section><section><p>no title</p></section></body></html>";
        assertTrue(SlideDeck.looksLikeDeck("deck.html", html));
        SlideDeck deck = SlideDeck.fromHtml(html);
        assertEquals(3, deck.size());
        assertEquals(List.of("Intro", "Plan", "Slide 3"), deck.titles());
        assertTrue(deck.pages().get(0).contains(".x{color:red}") && deck.pages().get(0).contains("nested"));
        assertFalse(deck.pages().get(1).contains("Intro"));
        assertFalse(SlideDeck.looksLikeDeck("page.html", "<section>one</section>"));
    }

    @Test
    void markdownSplitsOnRulesOutsideCodeAndSkipsFrontMatter() {
        String md = "---\nmarp: true\n---\n# One\n\n---\n\n# Two\n```\n---\n```\n---\n# Three\n";
        assertTrue(SlideDeck.looksLikeDeck("talk.md", md));
        assertFalse(SlideDeck.looksLikeDeck("notes.md", "# a\n---\n# b\n"), "a rule in notes is not a deck");
        SlideDeck deck = SlideDeck.fromMarkdown(md, new MarkdownRenderer(MarkdownRenderer.CodeHighlighter.plain()));
        assertEquals(List.of("One", "Two", "Three"), deck.titles());
        assertTrue(deck.pages().get(1).contains("<code>---"), deck.pages().get(1));
    }

    @Test
    void exportWritesOnePdfPagePerSlide() throws Exception {
        List<BufferedImage> slides = List.of(picture(Color.RED), picture(Color.GREEN), picture(Color.BLUE));
        Path pdf = dir.resolve("deck.pdf");
        SlidesPdf.write(slides, pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertEquals(3, document.getNumberOfPages());
            assertEquals(960f, document.getPage(0).getMediaBox().getWidth());
        }
        try (PdfPages pages = PdfPages.open(pdf)) {
            BufferedImage second = pages.render(1, 0.25f);
            assertEquals(240, second.getWidth());
            assertEquals(Color.GREEN.getRGB(), second.getRGB(120, 60));
        }
    }

    private static BufferedImage picture(Color color) {
        BufferedImage image = new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 320, 180);
        g.dispose();
        return image;
    }
}
