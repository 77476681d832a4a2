package dev.questbench.ui.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.questbench.ui.markdown.MarkdownDoc.Block;
import dev.questbench.ui.markdown.MarkdownDoc.Run;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses Markdown (CommonMark with GitHub tables, strikethrough, task lists and bare links) into a
 * {@link MarkdownDoc}. Thread-safe and meant for background threads; raw HTML is shown as its text.
 */
public final class MarkdownParser {
    private static final Parser PARSER = Parser.builder(options()).build();

    private MarkdownParser() {
    }

    public static MarkdownDoc parse(String markdown) {
        Document document = PARSER.parse(markdown == null ? "" : markdown);
        return new MarkdownDoc(blocks(document));
    }

    private static MutableDataSet options() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                TaskListExtension.create(), AutolinkExtension.create()));
        return options;
    }

    private static List<Block> blocks(Node parent) {
        List<Block> out = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            Block block = block(node);
            if (block != null) {
                out.add(block);
            }
        }
        return out;
    }

    private static Block block(Node node) {
        if (node instanceof Heading heading) {
            return new MarkdownDoc.Heading(heading.getLevel(), runs(heading));
        }
        if (node instanceof Paragraph paragraph) {
            return new MarkdownDoc.Paragraph(runs(paragraph));
        }
        if (node instanceof FencedCodeBlock fenced) {
            String info = fenced.getInfo().toString().strip();
            String language = info.isEmpty() ? "" : info.split("\\s+")[0];
            return new MarkdownDoc.CodeBlock(language, trimEnd(fenced.getContentChars().toString()));
        }
        if (node instanceof IndentedCodeBlock indented) {
            return new MarkdownDoc.CodeBlock("", trimEnd(indented.getContentChars().toString()));
        }
        if (node instanceof BlockQuote quote) {
            return new MarkdownDoc.Quote(blocks(quote));
        }
        if (node instanceof BulletList || node instanceof OrderedList) {
            List<MarkdownDoc.Item> items = new ArrayList<>();
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof ListItem item) {
                    Boolean checked = item instanceof TaskListItem task ? task.isItemDoneMarker() : null;
                    items.add(new MarkdownDoc.Item(checked, blocks(item)));
                }
            }
            int start = node instanceof OrderedList ordered ? ordered.getStartNumber() : 1;
            return new MarkdownDoc.ListBlock(node instanceof OrderedList, start, items);
        }
        if (node instanceof TableBlock table) {
            return table(table);
        }
        if (node instanceof ThematicBreak) {
            return new MarkdownDoc.Rule();
        }
        if (node instanceof HtmlBlock html) {
            return new MarkdownDoc.Paragraph(List.of(new Run(trimEnd(html.getChars().toString()), 0, null)));
        }
        return null; // link reference definitions and the like show nothing
    }

    private static Block table(TableBlock table) {
        List<List<List<Run>>> rows = new ArrayList<>();
        boolean header = false;
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            if (section instanceof TableSeparator) {
                continue; // the |---| line
            }
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (!(row instanceof TableRow)) {
                    continue;
                }
                header |= section instanceof TableHead && rows.isEmpty();
                List<List<Run>> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell) {
                        cells.add(runs(cell));
                    }
                }
                rows.add(cells);
            }
        }
        return new MarkdownDoc.Table(header, rows);
    }

    private static List<Run> runs(Node parent) {
        List<Run> out = new ArrayList<>();
        inline(parent, 0, null, out);
        return merge(out);
    }

    private static void inline(Node parent, int style, String link, List<Run> out) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof StrongEmphasis) {
                inline(node, style | MarkdownDoc.BOLD, link, out);
            } else if (node instanceof Emphasis) {
                inline(node, style | MarkdownDoc.ITALIC, link, out);
            } else if (node instanceof Strikethrough) {
                inline(node, style | MarkdownDoc.STRIKE, link, out);
            } else if (node instanceof Code code) {
                out.add(new Run(code.getText().toString(), style | MarkdownDoc.CODE, link));
            } else if (node instanceof Link target) {
                inline(node, style, target.getUrl().toString(), out);
            } else if (node instanceof AutoLink auto) {
                out.add(new Run(auto.getText().toString(), style, auto.getUrl().toString()));
            } else if (node instanceof MailLink mail) {
                out.add(new Run(mail.getText().toString(), style, "mailto:" + mail.getText()));
            } else if (node instanceof Image image) {
                out.add(new Run(image.getText().toString(), style, image.getUrl().toString()));
            } else if (node instanceof LinkRef ref) {
                inline(node, style, link, out); // an unresolved [reference]: its text
                if (!ref.hasChildren()) {
                    out.add(new Run(ref.getChars().toString(), style, link));
                }
            } else if (node instanceof SoftLineBreak) {
                out.add(new Run(" ", style, link));
            } else if (node instanceof HardLineBreak) {
                out.add(new Run("\n", style, link));
            } else if (node.hasChildren()) {
                inline(node, style, link, out);
            } else {
                out.add(new Run(node.getChars().unescape(), style, link));
            }
        }
    }

    /** Joins neighbouring runs of one style, so a paragraph is a few Text nodes, not one per word. */
    private static List<Run> merge(List<Run> runs) {
        List<Run> out = new ArrayList<>(runs.size());
        for (Run run : runs) {
            if (run.text().isEmpty()) {
                continue;
            }
            Run last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.style() == run.style() && java.util.Objects.equals(last.link(), run.link())) {
                out.set(out.size() - 1, new Run(last.text() + run.text(), run.style(), run.link()));
            } else {
                out.add(run);
            }
        }
        return out;
    }

    private static String trimEnd(String text) {
        return text.stripTrailing();
    }
}
