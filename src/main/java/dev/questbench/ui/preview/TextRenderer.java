package dev.questbench.ui.preview;

import dev.questbench.ui.review.SyntaxHighlighter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Plain text and source code, read-only, with the review's syntax colours, in a virtualized area; very big files
 * show their first {@value #LIMIT_BYTES} bytes. A reload keeps the first visible line.
 */
final class TextRenderer extends BaseRenderer {
    static final int LIMIT_BYTES = 4 * 1024 * 1024;

    private final StyleClassedTextArea area;
    private final Label note = new Label();
    private Path shown;

    TextRenderer(RenderContext context) {
        this(context, new StyleClassedTextArea());
    }

    private TextRenderer(RenderContext context, StyleClassedTextArea area) {
        super(context, new VirtualizedScrollPane<>(area));
        this.area = area;
        area.setId("preview-text");
        area.setEditable(false);
        area.setWrapText(false);
        area.getStyleClass().add("preview-code");
        note.getStyleClass().add("artifact-facts");
        setToolbar(new HBox(note));
    }

    StyleClassedTextArea area() {
        return area;
    }

    @Override
    public void show(Path file) {
        boolean again = file.equals(shown);
        shown = file;
        int top = again && !area.getParagraphs().isEmpty() ? area.firstVisibleParToAllParIndex() : 0;
        load(() -> read(file), loaded -> {
            area.replaceText(loaded.text());
            if (loaded.spans() != null) {
                area.setStyleSpans(0, loaded.spans());
            }
            note.setText(loaded.truncated() ? "Showing the first 4 MB; open the file for the rest." : "");
            area.showParagraphAtTop(Math.min(top, Math.max(0, area.getParagraphs().size() - 1)));
        });
    }

    private record Loaded(String text, StyleSpans<Collection<String>> spans, boolean truncated) {
    }

    private static Loaded read(Path file) throws java.io.IOException {
        byte[] bytes;
        boolean truncated;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(LIMIT_BYTES);
            truncated = in.read() >= 0;
        }
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
        return new Loaded(text, spans(file.getFileName().toString(), text), truncated);
    }

    /** Syntax spans over the whole text, or null for plain text. */
    static StyleSpans<Collection<String>> spans(String name, String text) {
        SyntaxHighlighter.Language language = SyntaxHighlighter.languageOf(name);
        if (language == SyntaxHighlighter.Language.PLAIN || text.isEmpty()) {
            return null;
        }
        List<String> lines = List.of(text.split("\n", -1));
        List<List<SyntaxHighlighter.Span>> spans = SyntaxHighlighter.highlight(language, lines);
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        for (int i = 0; i < lines.size(); i++) {
            int at = 0;
            for (SyntaxHighlighter.Span span : spans.get(i)) {
                builder.add(List.of(), span.start() - at);
                builder.add(List.of("syn-" + span.style()), span.end() - span.start());
                at = span.end();
            }
            builder.add(List.of(), lines.get(i).length() - at + (i + 1 < lines.size() ? 1 : 0));
        }
        return builder.create();
    }
}
