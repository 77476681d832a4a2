package dev.questbench.ui.review;

import dev.questbench.ui.common.Debouncer;
import dev.questbench.ui.common.FxTaskRunner;
import dev.questbench.ui.common.Stylesheets;
import dev.questbench.ui.common.TaskRunner;
import dev.questbench.workspace.diff.DiffLine;
import dev.questbench.workspace.diff.FileDiff;
import dev.questbench.workspace.diff.Hunk;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.IndexRange;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;

/**
 * A read-only, virtualized view of one or more file diffs on RichTextFX, unified or side by side, with line
 * numbers, syntax colours (computed off the FX thread, debounced, latest generation only), changed-word marks,
 * folded context, placeholders for binary and too-large files, and gutter markers for comments and findings.
 *
 * <p>Keys (plain letters have no modifiers; the area is read-only so they never type):
 * {@code N} / {@code Alt+Down} next change, {@code P} / {@code Alt+Up} previous change,
 * {@code Alt+Shift+Down} / {@code ]} next file, {@code Alt+Shift+Up} / {@code [} previous file,
 * {@code A} accept hunk, {@code R} reject hunk, {@code V} mark the file viewed, {@code C} comment on the selected
 * lines (or the caret's line), {@code Enter} on a folded row expands it (as does clicking it).
 */
public final class DiffView extends StackPane {
    /** How the files are laid out. */
    public enum Mode { UNIFIED, SIDE_BY_SIDE }

    /** A hunk of a file in the view. */
    public record HunkRef(FileDiff file, Hunk hunk) {
    }

    /** Lines selected on one side ({@code "old"} or {@code "new"}), numbered as in that side's file, with their text. */
    public record LineSelection(FileDiff file, String side, int startLine, int endLine, String quote) {
    }

    /**
     * A gutter marker on a line of one side ({@code "old"} or {@code "new"}).
     *
     * @param kind {@code comment}, {@code finding-critical}, {@code finding-warning} or {@code finding-suggestion}
     */
    public record Annotation(String path, String side, int line, String kind, String text) {
    }

    private static TaskRunner sharedHighlighter;

    private final TaskRunner tasks;
    private final Debouncer debouncer;
    private final StyleClassedTextArea left = area();
    private final StyleClassedTextArea right = area();
    private final HBox split;
    private final VirtualizedScrollPane<StyleClassedTextArea> leftPane = new VirtualizedScrollPane<>(left);
    private final VirtualizedScrollPane<StyleClassedTextArea> rightPane = new VirtualizedScrollPane<>(right);
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.UNIFIED);
    private final ReadOnlyObjectWrapper<HunkRef> selectedHunk = new ReadOnlyObjectWrapper<>(this, "selectedHunk");
    private final ReadOnlyObjectWrapper<LineSelection> selectedLines = new ReadOnlyObjectWrapper<>(this, "selectedLines");
    private final Set<String> expanded = new HashSet<>();
    private List<FileDiff> files = List.of();
    private List<String> paths = List.of();
    private List<Annotation> annotations = List.of();
    private DiffRows.Layout layout = new DiffRows.Layout(List.of(), List.of());
    private StyleClassedTextArea active = left;
    private long generation;
    private Consumer<HunkRef> onAcceptHunk = ref -> { };
    private Consumer<HunkRef> onRejectHunk = ref -> { };
    private Consumer<HunkRef> onRejectHunkWithReason = ref -> { };
    private Consumer<HunkRef> onMarkHunkViewed = ref -> { };
    private Consumer<FileDiff> onMarkViewed = file -> { };
    private Consumer<LineSelection> onAddComment = selection -> { };

    /** A view whose syntax colours are computed on one shared background thread; create it on the FX thread. */
    public DiffView() {
        this(shared(), Debouncer.fx(Duration.millis(40)));
    }

    /** A view computing syntax colours with {@code tasks}, after {@code debouncer} lets a request through. */
    public DiffView(TaskRunner tasks, Debouncer debouncer) {
        this.tasks = tasks;
        this.debouncer = debouncer;
        getStyleClass().add("diff-view");
        getStylesheets().add(Stylesheets.of(DiffView.class, "diff.css"));
        split = new HBox(rightPane);
        HBox.setHgrow(leftPane, Priority.ALWAYS);
        HBox.setHgrow(rightPane, Priority.ALWAYS);
        split.getStyleClass().add("diff-split");
        for (StyleClassedTextArea area : List.of(left, right)) {
            area.focusedProperty().addListener((o, was, is) -> {
                if (is) {
                    active = area;
                    updateSelection();
                }
            });
            area.currentParagraphProperty().addListener((o, was, is) -> {
                if (area == active) {
                    updateSelection();
                }
            });
            area.selectionProperty().addListener((o, was, is) -> {
                if (area == active) {
                    updateSelection();
                }
            });
            area.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY) {
                    active = area;
                    expandAt(area.getCurrentParagraph());
                }
            });
        }
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        mode.addListener((o, was, is) -> render());
        getChildren().add(leftPane);
    }

    // Properties

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public Mode getMode() {
        return mode.get();
    }

    public void setMode(Mode value) {
        mode.set(value);
    }

    /** The hunk at the caret, or null on a file header or placeholder. */
    public ReadOnlyObjectProperty<HunkRef> selectedHunkProperty() {
        return selectedHunk.getReadOnlyProperty();
    }

    /** The diff lines selected (or under the caret), on one side of one file; null when none. */
    public ReadOnlyObjectProperty<LineSelection> selectedLinesProperty() {
        return selectedLines.getReadOnlyProperty();
    }

    // Commands

    /** Shows these files, in order, folding long context again; the caret goes to the top. */
    public void setFiles(List<FileDiff> newFiles) {
        files = List.copyOf(newFiles);
        paths = files.stream().map(FileDiff::path).toList();
        expanded.clear();
        render();
        left.moveTo(0);
        left.showParagraphAtTop(0);
        updateSelection();
    }

    public List<FileDiff> files() {
        return files;
    }

    /** Shows gutter markers with tooltips on these lines; replaces the previous ones. */
    public void setAnnotations(List<Annotation> newAnnotations) {
        annotations = List.copyOf(newAnnotations);
        installGutters();
    }

    public void setOnAcceptHunk(Consumer<HunkRef> action) {
        onAcceptHunk = action;
    }

    public void setOnRejectHunk(Consumer<HunkRef> action) {
        onRejectHunk = action;
    }

    /** Shift+R: reject the hunk, asking why. */
    public void setOnRejectHunkWithReason(Consumer<HunkRef> action) {
        onRejectHunkWithReason = action;
    }

    /** Shift+V: mark the hunk at the caret viewed. */
    public void setOnMarkHunkViewed(Consumer<HunkRef> action) {
        onMarkHunkViewed = action;
    }

    public void setOnMarkViewed(Consumer<FileDiff> action) {
        onMarkViewed = action;
    }

    public void setOnAddComment(Consumer<LineSelection> action) {
        onAddComment = action;
    }

    /** Moves the caret to the start of the next block of added or removed lines. */
    public void nextChange() {
        jump(1, this::isChangeStart);
    }

    public void previousChange() {
        jump(-1, this::isChangeStart);
    }

    /** Moves the caret to the next file's header. */
    public void nextFile() {
        jump(1, i -> rows().get(i).kind() == DiffRow.Kind.FILE_HEADER);
    }

    public void previousFile() {
        jump(-1, i -> rows().get(i).kind() == DiffRow.Kind.FILE_HEADER);
    }

    /** Moves the caret to the first line of a file, by its index in {@link #files()}. */
    public void showFile(int index) {
        List<DiffRow> rows = rows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).file() == index) {
                moveCaret(i, true);
                return;
            }
        }
    }

    /** Unfolds the folded context at a paragraph, if it is one; true when it was. */
    public boolean expandAt(int paragraph) {
        List<DiffRow> rows = rows();
        if (paragraph < 0 || paragraph >= rows.size() || rows.get(paragraph).kind() != DiffRow.Kind.COLLAPSED) {
            return false;
        }
        DiffRow row = rows.get(paragraph);
        expanded.add(DiffRows.key(row.file(), row.hunk(), row.line()));
        double scroll = left.getEstimatedScrollY();
        render();
        left.estimatedScrollYProperty().setValue(scroll);
        moveCaret(paragraph, false);
        return true;
    }

    /** The area showing the unified diff, or the old side; for tests and embedding code that needs the text. */
    public StyleClassedTextArea oldArea() {
        return left;
    }

    /** The area showing the new side; the same as {@link #oldArea()} in unified mode. */
    public StyleClassedTextArea newArea() {
        return mode.get() == Mode.SIDE_BY_SIDE ? right : left;
    }

    /** The rows of an area, one per paragraph. */
    public List<DiffRow> rowsOf(StyleClassedTextArea area) {
        return area == right && mode.get() == Mode.SIDE_BY_SIDE ? layout.right() : layout.left();
    }

    // Helpers

    private void render() {
        boolean sideBySide = mode.get() == Mode.SIDE_BY_SIDE;
        layout = DiffRows.layout(files, sideBySide, expanded);
        left.replace(0, left.getLength(), DiffStyles.document(layout.left()));
        // The two sides scroll together; only while both show, or the empty right area would clamp the left one.
        left.estimatedScrollYProperty().unbindBidirectional(right.estimatedScrollYProperty());
        left.estimatedScrollXProperty().unbindBidirectional(right.estimatedScrollXProperty());
        if (sideBySide) {
            right.replace(0, right.getLength(), DiffStyles.document(layout.right()));
            left.estimatedScrollYProperty().bindBidirectional(right.estimatedScrollYProperty());
            left.estimatedScrollXProperty().bindBidirectional(right.estimatedScrollXProperty());
            getChildren().setAll(split);
            split.getChildren().setAll(leftPane, rightPane);
        } else {
            right.replace(0, right.getLength(), DiffStyles.document(List.of()));
            getChildren().setAll(leftPane);
        }
        active = left;
        installGutters();
        highlightLater();
    }

    private void installGutters() {
        if (mode.get() == Mode.SIDE_BY_SIDE) {
            left.setParagraphGraphicFactory(new DiffGutter(layout.left(), paths, DiffGutter.Column.OLD, annotations));
            right.setParagraphGraphicFactory(new DiffGutter(layout.right(), paths, DiffGutter.Column.NEW, annotations));
        } else {
            left.setParagraphGraphicFactory(new DiffGutter(layout.left(), paths, DiffGutter.Column.BOTH, annotations));
        }
    }

    private void highlightLater() {
        long wanted = ++generation;
        List<FileDiff> forFiles = files;
        DiffRows.Layout forLayout = layout;
        debouncer.submit(() -> tasks.run(() -> {
            var syntax = DiffStyles.highlight(forFiles);
            var leftSpans = forLayout.left().isEmpty() ? null : DiffStyles.spans(forLayout.left(), syntax);
            var rightSpans = forLayout.right() == forLayout.left() || forLayout.right().isEmpty() ? null
                    : DiffStyles.spans(forLayout.right(), syntax);
            return new Object[] {leftSpans, rightSpans};
        }, spans -> {
            if (wanted != generation) {
                return; // a newer diff or layout is on screen
            }
            apply(left, spans[0]);
            apply(right, spans[1]);
        }, failure -> { }));
    }

    @SuppressWarnings("unchecked")
    private static void apply(StyleClassedTextArea area, Object spans) {
        if (spans != null) {
            area.setStyleSpans(0, (org.fxmisc.richtext.model.StyleSpans<java.util.Collection<String>>) spans);
        }
    }

    private List<DiffRow> rows() {
        return rowsOf(active);
    }

    private boolean isChangeStart(int i) {
        List<DiffRow> rows = rows();
        return isChange(rows.get(i)) && (i == 0 || !isChange(rows.get(i - 1)));
    }

    private static boolean isChange(DiffRow row) {
        return row.kind() == DiffRow.Kind.FILLER
                || row.kind() == DiffRow.Kind.LINE && row.diffLine().type() != DiffLine.Type.CONTEXT;
    }

    private void jump(int direction, Predicate<Integer> target) {
        List<DiffRow> rows = rows();
        for (int i = active.getCurrentParagraph() + direction; i >= 0 && i < rows.size(); i += direction) {
            if (target.test(i)) {
                moveCaret(i, true);
                return;
            }
        }
    }

    private void moveCaret(int paragraph, boolean reveal) {
        for (StyleClassedTextArea area : mode.get() == Mode.SIDE_BY_SIDE ? List.of(left, right) : List.of(left)) {
            area.moveTo(Math.min(paragraph, area.getParagraphs().size() - 1), 0);
        }
        if (reveal) {
            active.showParagraphInViewport(paragraph);
        }
        updateSelection();
    }

    private void updateSelection() {
        List<DiffRow> rows = rows();
        int caret = active.getCurrentParagraph();
        DiffRow row = caret < rows.size() ? rows.get(caret) : null;
        HunkRef hunk = row == null || row.hunk() < 0 ? null
                : new HunkRef(files.get(row.file()), files.get(row.file()).hunks().get(row.hunk()));
        if (!java.util.Objects.equals(hunk, selectedHunk.get())) {
            selectedHunk.set(hunk);
        }
        selectedLines.set(lineSelection(rows, active.getSelection(), caret));
    }

    private LineSelection lineSelection(List<DiffRow> rows, IndexRange selection, int caret) {
        int first = selection.getLength() == 0 ? caret : active.offsetToPosition(selection.getStart(),
                org.fxmisc.richtext.model.TwoDimensional.Bias.Forward).getMajor();
        int last = selection.getLength() == 0 ? caret : active.offsetToPosition(selection.getEnd(),
                org.fxmisc.richtext.model.TwoDimensional.Bias.Backward).getMajor();
        List<DiffRow> lines = new ArrayList<>();
        for (int i = first; i <= last && i < rows.size(); i++) {
            DiffRow row = rows.get(i);
            if (row.kind() == DiffRow.Kind.LINE && (lines.isEmpty() || lines.get(0).file() == row.file())) {
                lines.add(row);
            }
        }
        if (lines.isEmpty()) {
            return null;
        }
        boolean newSide = active == right && mode.get() == Mode.SIDE_BY_SIDE
                || active == left && mode.get() == Mode.UNIFIED && lines.stream().anyMatch(r -> r.newNumber() > 0);
        List<DiffRow> side = lines.stream().filter(r -> newSide ? r.newNumber() > 0 : r.oldNumber() > 0).toList();
        if (side.isEmpty()) {
            return null;
        }
        int start = newSide ? side.get(0).newNumber() : side.get(0).oldNumber();
        int end = newSide ? side.get(side.size() - 1).newNumber() : side.get(side.size() - 1).oldNumber();
        String quote = String.join("\n", side.stream().map(DiffRow::text).toList());
        return new LineSelection(files.get(side.get(0).file()), newSide ? "new" : "old", start, end, quote);
    }

    private void onKey(KeyEvent event) {
        boolean plain = !event.isAltDown() && !event.isControlDown() && !event.isMetaDown() && !event.isShortcutDown();
        KeyCode code = event.getCode();
        HunkRef hunk = selectedHunk.get();
        boolean handled = true;
        if (event.isAltDown() && event.isShiftDown() && code == KeyCode.DOWN || plain && code == KeyCode.CLOSE_BRACKET) {
            nextFile();
        } else if (event.isAltDown() && event.isShiftDown() && code == KeyCode.UP
                || plain && code == KeyCode.OPEN_BRACKET) {
            previousFile();
        } else if (event.isAltDown() && code == KeyCode.DOWN || plain && !event.isShiftDown() && code == KeyCode.N) {
            nextChange();
        } else if (event.isAltDown() && code == KeyCode.UP || plain && !event.isShiftDown() && code == KeyCode.P) {
            previousChange();
        } else if (plain && code == KeyCode.A && hunk != null) {
            onAcceptHunk.accept(hunk);
        } else if (plain && code == KeyCode.R && hunk != null) {
            (event.isShiftDown() ? onRejectHunkWithReason : onRejectHunk).accept(hunk);
        } else if (plain && event.isShiftDown() && code == KeyCode.V && hunk != null) {
            onMarkHunkViewed.accept(hunk);
        } else if (plain && code == KeyCode.V && currentFile() != null) {
            onMarkViewed.accept(currentFile());
        } else if (plain && code == KeyCode.C && selectedLines.get() != null) {
            onAddComment.accept(selectedLines.get());
        } else if (plain && code == KeyCode.ENTER) {
            handled = expandAt(active.getCurrentParagraph());
        } else {
            handled = false;
        }
        if (handled) {
            event.consume();
        }
    }

    private FileDiff currentFile() {
        List<DiffRow> rows = rows();
        int caret = active.getCurrentParagraph();
        return caret < rows.size() ? files.get(rows.get(caret).file()) : null;
    }

    private static StyleClassedTextArea area() {
        StyleClassedTextArea area = new StyleClassedTextArea();
        area.setEditable(false);
        area.setWrapText(false);
        area.getStyleClass().add("diff-area");
        return area;
    }

    private static synchronized TaskRunner shared() {
        if (sharedHighlighter == null) {
            sharedHighlighter = new FxTaskRunner(1);
        }
        return sharedHighlighter;
    }
}
