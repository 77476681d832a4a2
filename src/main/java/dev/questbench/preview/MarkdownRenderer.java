package dev.questbench.preview;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Markdown to HTML with GitHub's extensions (tables, task lists, strikethrough, autolinks, footnotes); fenced code
 * is coloured by a {@link CodeHighlighter} and {@code mermaid} blocks are left for Mermaid to draw in the page.
 * Thread-safe; plain Java.
 */
public final class MarkdownRenderer {
    private final Parser parser;
    private final HtmlRenderer renderer;

    /** Turns one fenced block into HTML that goes inside {@code <code>} (already escaped, with spans). */
    @FunctionalInterface
    public interface CodeHighlighter {
        String toHtml(String language, String code);

        /** No colours: the code escaped. */
        static CodeHighlighter plain() {
            return (language, code) -> Html.escape(code);
        }
    }

    public MarkdownRenderer(CodeHighlighter highlighter) {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                TaskListExtension.create(), AutolinkExtension.create(), FootnoteExtension.create(),
                new CodeBlocks(highlighter)));
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).build();
    }

    /** The document's body as HTML. */
    public String toHtml(String markdown) {
        return renderer.render(parser.parse(markdown));
    }

    /**
     * Where a long document's first part can end: the first blank line outside a code fence at or after
     * {@code atLeast} characters; -1 when the document is shorter or has no such line. Big documents show this
     * part first (rendering 1 MB of Markdown takes about a second) and the whole once it is rendered.
     */
    public static int firstPartEnd(String markdown, int atLeast) {
        if (markdown.length() <= atLeast * 2) {
            return -1;
        }
        boolean fenced = false;
        int lineStart = 0;
        while (lineStart < markdown.length()) {
            int lineEnd = markdown.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                return -1;
            }
            String line = markdown.substring(lineStart, lineEnd).strip();
            if (line.startsWith("```") || line.startsWith("~~~")) {
                fenced = !fenced;
            } else if (!fenced && line.isEmpty() && lineStart >= atLeast) {
                return lineEnd + 1;
            }
            lineStart = lineEnd + 1;
        }
        return -1;
    }

    /** Whether the Markdown source has a Mermaid block (so its page needs the Mermaid script). */
    public static boolean mentionsMermaid(String markdown) {
        return markdown.contains("```mermaid") || markdown.contains("~~~mermaid");
    }

    /** Whether the body {@link #toHtml} made holds a diagram for Mermaid. */
    public static boolean hasMermaid(String html) {
        return html.contains("<pre class=\"mermaid\">");
    }

    /** Renders fenced code through the highlighter, and mermaid blocks as {@code <pre class="mermaid">}. */
    private static final class CodeBlocks implements HtmlRenderer.HtmlRendererExtension {
        private final CodeHighlighter highlighter;

        CodeBlocks(CodeHighlighter highlighter) {
            this.highlighter = highlighter;
        }

        @Override
        public void rendererOptions(MutableDataHolder options) {
        }

        @Override
        public void extend(HtmlRenderer.Builder builder, String rendererType) {
            builder.nodeRendererFactory(options -> new NodeRenderer() {
                @Override
                public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
                    return Set.of(new NodeRenderingHandler<>(FencedCodeBlock.class, CodeBlocks.this::render));
                }
            });
        }

        private void render(FencedCodeBlock block, NodeRendererContext context, HtmlWriter html) {
            String info = block.getInfo().toString().strip();
            String language = info.isEmpty() ? "" : info.split("\\s+")[0].toLowerCase(Locale.ROOT);
            String code = block.getContentChars().toString();
            html.line();
            if (language.equals("mermaid")) {
                html.raw("<pre class=\"mermaid\">" + Html.escape(code) + "</pre>");
            } else {
                String attribute = language.isEmpty() ? "" : " class=\"language-" + Html.escape(language) + "\"";
                html.raw("<pre><code" + attribute + ">" + highlighter.toHtml(language, code) + "</code></pre>");
            }
            html.line();
        }
    }
}
