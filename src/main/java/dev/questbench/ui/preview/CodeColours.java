package dev.questbench.ui.preview;

import dev.questbench.preview.Html;
import dev.questbench.preview.MarkdownRenderer;
import dev.questbench.ui.review.SyntaxHighlighter;
import java.util.List;

/** Colours fenced code in Markdown previews with the review's lexer: spans with {@code syn-*} classes. */
final class CodeColours implements MarkdownRenderer.CodeHighlighter {

    @Override
    public String toHtml(String language, String code) {
        SyntaxHighlighter.Language lexer = SyntaxHighlighter.languageOf("code." + alias(language));
        if (lexer == SyntaxHighlighter.Language.PLAIN) {
            return Html.escape(code);
        }
        List<String> lines = code.lines().toList();
        List<List<SyntaxHighlighter.Span>> spans = SyntaxHighlighter.highlight(lexer, lines);
        StringBuilder out = new StringBuilder(code.length() * 2);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int at = 0;
            for (SyntaxHighlighter.Span span : spans.get(i)) {
                out.append(Html.escape(line.substring(at, span.start()))).append("<span class=\"syn-")
                        .append(span.style()).append("\">").append(Html.escape(line.substring(span.start(),
                                span.end()))).append("</span>");
                at = span.end();
            }
            out.append(Html.escape(line.substring(at))).append('\n');
        }
        return out.toString();
    }

    private static String alias(String language) {
        return switch (language) {
            case "javascript" -> "js";
            case "typescript" -> "ts";
            case "python" -> "py";
            case "shell", "console", "zsh" -> "sh";
            case "kotlin" -> "kt";
            case "rust" -> "rs";
            case "golang" -> "go";
            default -> language;
        };
    }
}
