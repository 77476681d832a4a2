package dev.questbench.ui.markdown;

import java.util.List;

/**
 * A message's Markdown as a small render model: blocks of styled runs, built off the FX thread by
 * {@link MarkdownParser} and turned into nodes by {@link MarkdownView}. Plain records, so equal text gives an equal
 * document and tests can read it without a screen.
 */
public record MarkdownDoc(List<Block> blocks) {

    /** Bits of {@link Run#style()}. */
    public static final int BOLD = 1;
    public static final int ITALIC = 2;
    public static final int STRIKE = 4;
    public static final int CODE = 8;

    /** A piece of inline text with one style; {@code link} is the target when the run is a link, else null. */
    public record Run(String text, int style, String link) {
        public boolean has(int bit) {
            return (style & bit) != 0;
        }
    }

    /** One block of the document. */
    public sealed interface Block {
    }

    public record Paragraph(List<Run> runs) implements Block {
    }

    public record Heading(int level, List<Run> runs) implements Block {
    }

    /** A fenced or indented code block; {@code language} is the fence's info word ("" when none). */
    public record CodeBlock(String language, String code) implements Block {
    }

    public record Quote(List<Block> blocks) implements Block {
    }

    /** A bullet or numbered list; {@code start} is the first number of a numbered one. */
    public record ListBlock(boolean ordered, int start, List<Item> items) implements Block {
    }

    /** A list item; {@code checked} is null for a plain item, true or false for a task. */
    public record Item(Boolean checked, List<Block> blocks) {
    }

    /** A table: the header row first when {@code header}; each cell is a list of runs. */
    public record Table(boolean header, List<List<List<Run>>> rows) implements Block {
    }

    public record Rule() implements Block {
    }

    /** The document's text without markup, for copying. */
    public String plainText() {
        StringBuilder out = new StringBuilder();
        for (Block block : blocks) {
            MarkdownText.append(block, out, "");
        }
        return out.toString().strip();
    }
}
