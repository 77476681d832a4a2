package dev.questbench.ui.markdown;

import dev.questbench.ui.markdown.MarkdownDoc.Block;
import dev.questbench.ui.markdown.MarkdownDoc.Run;
import java.util.List;

/** Writes a {@link MarkdownDoc} back out as plain text (what Copy puts on the clipboard). */
final class MarkdownText {
    private MarkdownText() {
    }

    static void append(Block block, StringBuilder out, String indent) {
        if (block instanceof MarkdownDoc.Paragraph paragraph) {
            out.append(indent).append(runs(paragraph.runs())).append("\n\n");
        } else if (block instanceof MarkdownDoc.Heading heading) {
            out.append(indent).append(runs(heading.runs())).append("\n\n");
        } else if (block instanceof MarkdownDoc.CodeBlock code) {
            out.append(code.code()).append(code.code().endsWith("\n") ? "\n" : "\n\n");
        } else if (block instanceof MarkdownDoc.Quote quote) {
            quote.blocks().forEach(inner -> append(inner, out, indent + "> "));
        } else if (block instanceof MarkdownDoc.ListBlock list) {
            int number = list.start();
            for (MarkdownDoc.Item item : list.items()) {
                String marker = item.checked() != null ? (item.checked() ? "[x] " : "[ ] ")
                        : list.ordered() ? number++ + ". " : "• ";
                StringBuilder inner = new StringBuilder();
                item.blocks().forEach(child -> append(child, inner, ""));
                out.append(indent).append(marker).append(inner.toString().strip().replace("\n\n", "\n")).append('\n');
            }
            out.append('\n');
        } else if (block instanceof MarkdownDoc.Table table) {
            for (List<List<Run>> row : table.rows()) {
                out.append(indent).append(String.join("\t", row.stream().map(MarkdownText::runs).toList())).append('\n');
            }
            out.append('\n');
        } else if (block instanceof MarkdownDoc.Rule) {
            out.append(indent).append("---\n\n");
        }
    }

    static String runs(List<Run> runs) {
        StringBuilder text = new StringBuilder();
        runs.forEach(run -> text.append(run.text()));
        return text.toString();
    }
}
