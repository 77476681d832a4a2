package dev.questbench.ui.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.ui.markdown.MarkdownDoc.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Markdown as the conversation draws it: blocks and styled runs from flexmark's tree, and the parse cache. */
class MarkdownParserTest {

    @Test
    void headingsAndInlineStylesBecomeRunsWithStyleBits() {
        MarkdownDoc doc = MarkdownParser.parse("## Plan\n\nUse **bold**, *italic*, ~~old~~ and `code` here.");

        MarkdownDoc.Heading heading = assertInstanceOf(MarkdownDoc.Heading.class, doc.blocks().get(0));
        assertEquals(2, heading.level());
        assertEquals(List.of(new Run("Plan", 0, null)), heading.runs());
        MarkdownDoc.Paragraph paragraph = assertInstanceOf(MarkdownDoc.Paragraph.class, doc.blocks().get(1));
        assertEquals(List.of(new Run("Use ", 0, null), new Run("bold", MarkdownDoc.BOLD, null),
                new Run(", ", 0, null), new Run("italic", MarkdownDoc.ITALIC, null), new Run(", ", 0, null),
                new Run("old", MarkdownDoc.STRIKE, null), new Run(" and ", 0, null),
                new Run("code", MarkdownDoc.CODE, null), new Run(" here.", 0, null)), paragraph.runs());
    }

    @Test
    void linksCarryTheirTargetAndBareUrlsBecomeLinks() {
        MarkdownDoc doc = MarkdownParser.parse("See [the docs](https://example.org/docs) or https://qoder.com now.");

        List<Run> runs = ((MarkdownDoc.Paragraph) doc.blocks().get(0)).runs();
        assertEquals(new Run("the docs", 0, "https://example.org/docs"), runs.get(1));
        assertTrue(runs.stream().anyMatch(run -> "https://qoder.com".equals(run.link())
                && run.text().equals("https://qoder.com")), "the bare link: " + runs);
    }

    @Test
    void bulletNumberedAndTaskListsKeepTheirKindAndNumbers() {
        MarkdownDoc doc = MarkdownParser.parse("- one\n- two\n\n3. three\n4. four\n\n- [x] done\n- [ ] open\n");

        MarkdownDoc.ListBlock bullets = assertInstanceOf(MarkdownDoc.ListBlock.class, doc.blocks().get(0));
        assertEquals(false, bullets.ordered());
        assertEquals(2, bullets.items().size());
        MarkdownDoc.ListBlock numbered = assertInstanceOf(MarkdownDoc.ListBlock.class, doc.blocks().get(1));
        assertTrue(numbered.ordered());
        assertEquals(3, numbered.start());
        MarkdownDoc.ListBlock tasks = assertInstanceOf(MarkdownDoc.ListBlock.class, doc.blocks().get(2));
        assertEquals(Boolean.TRUE, tasks.items().get(0).checked());
        assertEquals(Boolean.FALSE, tasks.items().get(1).checked());
        assertEquals(List.of(new Run("open", 0, null)),
                ((MarkdownDoc.Paragraph) tasks.items().get(1).blocks().get(0)).runs());
    }

    @Test
    void codeQuotesTablesAndRules() {
        MarkdownDoc doc = MarkdownParser.parse("```java\nint x = 1;\n```\n\n> quoted\n\n| a | b |\n|---|---|\n"
                + "| 1 | **2** |\n\n---\n");

        assertEquals(new MarkdownDoc.CodeBlock("java", "int x = 1;"), doc.blocks().get(0));
        MarkdownDoc.Quote quote = assertInstanceOf(MarkdownDoc.Quote.class, doc.blocks().get(1));
        assertEquals(List.of(new MarkdownDoc.Paragraph(List.of(new Run("quoted", 0, null)))), quote.blocks());
        MarkdownDoc.Table table = assertInstanceOf(MarkdownDoc.Table.class, doc.blocks().get(2));
        assertTrue(table.header());
        assertEquals(2, table.rows().size());
        assertEquals(List.of(new Run("2", MarkdownDoc.BOLD, null)), table.rows().get(1).get(1));
        assertInstanceOf(MarkdownDoc.Rule.class, doc.blocks().get(3));
    }

    @Test
    void plainTextDropsTheMarkup() {
        MarkdownDoc doc = MarkdownParser.parse("# Title\n\nSome **bold** text.\n\n1. a\n2. b\n\n```\ncode\n```");

        assertEquals("Title\n\nSome bold text.\n\n1. a\n2. b\n\ncode", doc.plainText());
    }

    @Test
    void theCacheParsesOncePerMessageTextAndForgetsTheLeastRecentlyUsed() {
        MarkdownCache cache = new MarkdownCache(2);
        cache.warm("evt_1", "**a**");
        MarkdownDoc first = cache.get("evt_1", "**a**");

        assertSame(first, cache.get("evt_1", "**a**"), "the warmed parse is reused");
        assertTrue(cache.contains("evt_1", "**a**"));
        assertNotSame(first, cache.get("evt_1", "**a** more"), "new text parses again");
        cache.warm("evt_2", "b");
        cache.warm("evt_3", "c");
        assertEquals(false, cache.contains("evt_1", "**a**"), "beyond capacity the oldest goes");
        assertTrue(cache.contains("evt_3", "c"));
    }
}
