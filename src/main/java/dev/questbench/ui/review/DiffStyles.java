package dev.questbench.ui.review;

import dev.questbench.workspace.diff.DiffLine;
import dev.questbench.workspace.diff.FileDiff;
import dev.questbench.workspace.diff.Hunk;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.ReadOnlyStyledDocumentBuilder;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.fxmisc.richtext.model.StyledSegment;

/**
 * Turns rows into a RichTextFX document (paragraph classes for line backgrounds, text classes for changed words)
 * and, off the FX thread, into style spans with syntax colours. Style lists are shared, not built per run.
 */
final class DiffStyles {
    private static final String[] SYNTAX = {null, "keyword", "string", "comment", "number", "type", "tag",
        "attribute", "heading", "variable"};
    /** Index {@code syntax * 2 + (changed ? 1 : 0)}. */
    private static final List<List<String>> TEXT_STYLES = textStyles();
    private static final SegmentOps<String, Collection<String>> OPS = SegmentOps.styledTextOps();

    private DiffStyles() {
    }

    static List<String> paragraphStyle(DiffRow row) {
        return switch (row.kind()) {
            case FILE_HEADER -> List.of("diff-file-header");
            case HUNK_HEADER -> List.of("diff-hunk-header");
            case COLLAPSED -> List.of("diff-collapsed");
            case GAP -> List.of("diff-gap");
            case FILLER -> List.of("diff-filler");
            case PLACEHOLDER -> List.of("diff-placeholder");
            case LINE -> switch (row.diffLine().type()) {
                case ADDED -> List.of("diff-added");
                case REMOVED -> List.of("diff-removed");
                case CONTEXT -> List.of("diff-context");
            };
        };
    }

    /** The document for rows, with changed-word styles but no syntax colours yet (cheap: first paint). */
    static ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> document(List<DiffRow> rows) {
        ReadOnlyStyledDocumentBuilder<Collection<String>, String, Collection<String>> builder =
                new ReadOnlyStyledDocumentBuilder<>(OPS, List.of(), rows.size());
        for (DiffRow row : rows) {
            List<StyledSegment<String, Collection<String>>> segments = new ArrayList<>(3);
            runs(row, null, (start, end, style) -> segments.add(new StyledSegment<>(row.text().substring(start, end),
                    style)));
            if (segments.isEmpty()) {
                segments.add(new StyledSegment<>("", List.of()));
            }
            builder.addParagraph(segments, paragraphStyle(row));
        }
        if (rows.isEmpty()) {
            builder.addParagraph("", List.of(), List.of()); // RichTextFX needs at least one paragraph
        }
        return builder.build();
    }

    /** Syntax spans of every line of every file, keyed by line identity; old side for removed lines. */
    static Map<DiffLine, List<SyntaxHighlighter.Span>> highlight(List<FileDiff> files) {
        Map<DiffLine, List<SyntaxHighlighter.Span>> result = new IdentityHashMap<>();
        for (FileDiff file : files) {
            SyntaxHighlighter.Language language = SyntaxHighlighter.languageOf(file.path());
            if (language == SyntaxHighlighter.Language.PLAIN) {
                continue;
            }
            for (Hunk hunk : file.hunks()) {
                side(language, hunk, DiffLine.Type.REMOVED, result);
                side(language, hunk, DiffLine.Type.ADDED, result);
            }
        }
        return result;
    }

    /** Style spans for the whole document of {@code rows}, to apply with {@code setStyleSpans(0, …)}. */
    static StyleSpans<Collection<String>> spans(List<DiffRow> rows, Map<DiffLine, List<SyntaxHighlighter.Span>> syntax) {
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>(rows.size() * 4);
        for (int r = 0; r < rows.size(); r++) {
            DiffRow row = rows.get(r);
            List<SyntaxHighlighter.Span> spans = row.diffLine() == null ? null : syntax.get(row.diffLine());
            int[] added = {0};
            runs(row, spans, (start, end, style) -> {
                builder.add(style, end - start);
                added[0]++;
            });
            if (added[0] == 0 && r == rows.size() - 1) {
                builder.add(List.of(), 0);
            }
            if (r < rows.size() - 1) {
                builder.add(List.of(), 1); // the line break
            }
        }
        return builder.create();
    }

    private static void side(SyntaxHighlighter.Language language, Hunk hunk, DiffLine.Type skip,
                             Map<DiffLine, List<SyntaxHighlighter.Span>> result) {
        List<DiffLine> lines = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (DiffLine line : hunk.lines()) {
            if (line.type() != skip) {
                lines.add(line);
                texts.add(DiffRows.text(line));
            }
        }
        List<List<SyntaxHighlighter.Span>> spans = SyntaxHighlighter.highlight(language, texts);
        for (int i = 0; i < lines.size(); i++) {
            result.put(lines.get(i), spans.get(i));
        }
    }

    /** Calls {@code sink} for each run of equal style, covering the row's text; nothing for an empty text. */
    private static void runs(DiffRow row, List<SyntaxHighlighter.Span> syntax, RunSink sink) {
        int length = row.text().length();
        if (length == 0) {
            return;
        }
        byte[] codes = new byte[length];
        if (syntax != null) {
            for (SyntaxHighlighter.Span span : syntax) {
                byte code = (byte) (syntaxIndex(span.style()) * 2);
                for (int i = Math.max(0, span.start()); i < Math.min(length, span.end()); i++) {
                    codes[i] = code;
                }
            }
        }
        for (int[] range : row.changed()) {
            for (int i = Math.max(0, range[0]); i < Math.min(length, range[1]); i++) {
                codes[i] |= 1;
            }
        }
        String text = row.text();
        for (int i = 1; i < length; i++) {
            if (text.charAt(i) == ' ' || text.charAt(i) == '\t') {
                codes[i] = (byte) ((codes[i - 1] & ~1) | (codes[i] & 1)); // fewer Text nodes: spaces join a neighbour
            }
        }
        int start = 0;
        for (int i = 1; i <= length; i++) {
            if (i == length || codes[i] != codes[start]) {
                sink.run(start, i, TEXT_STYLES.get(codes[start]));
                start = i;
            }
        }
    }

    private static int syntaxIndex(String style) {
        for (int i = 1; i < SYNTAX.length; i++) {
            if (SYNTAX[i].equals(style)) {
                return i;
            }
        }
        return 0;
    }

    private static List<List<String>> textStyles() {
        List<List<String>> styles = new ArrayList<>();
        for (String syntax : SYNTAX) {
            styles.add(syntax == null ? List.of() : List.of("syn-" + syntax));
            styles.add(syntax == null ? List.of("diff-word") : List.of("syn-" + syntax, "diff-word"));
        }
        return styles;
    }

    @FunctionalInterface
    private interface RunSink {
        void run(int start, int end, Collection<String> style);
    }
}
