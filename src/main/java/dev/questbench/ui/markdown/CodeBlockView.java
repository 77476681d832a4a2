package dev.questbench.ui.markdown;

import dev.questbench.ui.review.SyntaxHighlighter;
import dev.questbench.ui.review.SyntaxHighlighter.Language;
import dev.questbench.ui.review.SyntaxHighlighter.Span;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Cursor;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** A fenced code block: its language and a Copy button over the code in a monospace font with syntax colours. */
final class CodeBlockView extends VBox {

    CodeBlockView(MarkdownDoc.CodeBlock block) {
        getStyleClass().add("md-code-block");
        Text language = new Text(block.language());
        language.getStyleClass().add("md-code-language");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        // An icon, not a Button: a reply can hold many code blocks, and every one is built again as the list
        // measures rows; the tooltip is made on first hover for the same reason.
        FontIcon copy = new FontIcon(Feather.COPY);
        copy.getStyleClass().add("md-code-copy");
        copy.setCursor(Cursor.HAND);
        copy.setAccessibleRole(AccessibleRole.BUTTON);
        copy.setAccessibleText("Copy this code");
        copy.setOnMouseEntered(event -> {
            if (copy.getProperties().putIfAbsent("tooltip", Boolean.TRUE) == null) {
                Tooltip.install(copy, new Tooltip("Copy this code"));
            }
        });
        copy.setOnMouseClicked(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(block.code());
            Clipboard.getSystemClipboard().setContent(content);
            copy.setIconCode(Feather.CHECK);
        });
        HBox header = new HBox(6, language, gap, copy);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("md-code-header");
        getChildren().addAll(header, code(block));
    }

    private static TextFlow code(MarkdownDoc.CodeBlock block) {
        List<String> lines = block.code().lines().toList();
        List<List<Span>> spans = SyntaxHighlighter.highlight(languageOf(block.language()), lines);
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("md-code-body");
        StringBuilder plain = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int at = 0;
            for (Span span : spans.get(i)) {
                if (span.start() > at) {
                    plain.append(line, at, span.start());
                }
                flush(plain, flow);
                Text styled = new Text(line.substring(span.start(), Math.min(span.end(), line.length())));
                styled.getStyleClass().addAll("md-code-text", "syn-" + span.style());
                flow.getChildren().add(styled);
                at = Math.min(span.end(), line.length());
            }
            plain.append(line.substring(at));
            if (i < lines.size() - 1) {
                plain.append('\n');
            }
        }
        flush(plain, flow);
        return flow;
    }

    private static void flush(StringBuilder plain, TextFlow flow) {
        if (plain.length() > 0) {
            Text text = new Text(plain.toString());
            text.getStyleClass().add("md-code-text");
            flow.getChildren().add(text);
            plain.setLength(0);
        }
    }

    /** The highlighter's language for a fence's info word ("java", "py", "bash"...). */
    static Language languageOf(String info) {
        String word = info == null ? "" : info.toLowerCase(Locale.ROOT);
        return switch (word) {
            case "" -> Language.PLAIN;
            case "python" -> Language.PYTHON;
            case "shell", "console", "shellscript" -> Language.SHELL;
            case "javascript", "typescript" -> Language.C_LIKE;
            default -> SyntaxHighlighter.languageOf("x." + word);
        };
    }
}
