package dev.questbench.ui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.questbench.ui.common.Debouncer;
import dev.questbench.ui.common.FxTaskRunner;
import dev.questbench.ui.common.Stylesheets;
import dev.questbench.ui.common.TaskRunner;
import dev.questbench.workspace.diff.ChangeKind;
import dev.questbench.workspace.diff.DiffParser;
import dev.questbench.workspace.diff.FileDiff;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The diff view on screen with a parsed {@code git diff}: numbers and line classes, changed words and syntax
 * colours, side-by-side pairing, folded context, placeholders, navigation, keys, selection and markers.
 */
@ExtendWith(ApplicationExtension.class)
class DiffViewTest {
    private static final String CONTEXT = String.join("", java.util.stream.IntStream.rangeClosed(1, 11)
            .mapToObj(i -> " // c" + i + "\n").toList());
    static final String DIFF = "diff --git a/src/Main.java b/src/Main.java\n"
            + "index 1111111..2222222 100644\n--- a/src/Main.java\n+++ b/src/Main.java\n"
            + "@@ -1,13 +1,13 @@\n class Main {\n-    int a = 1;\n+    int a = 2;\n" + CONTEXT
            + "@@ -30,3 +30,4 @@ class Main {\n x\n+y\n z\n w\n"
            + "diff --git a/old.txt b/new.txt\nsimilarity index 90%\nrename from old.txt\nrename to new.txt\n"
            + "index 3333333..4444444 100644\n--- a/old.txt\n+++ b/new.txt\n@@ -1,2 +1,2 @@\n keep\n-gone\n+came\n"
            + "diff --git a/img.png b/img.png\nindex 5555555..6666666 100644\n"
            + "Binary files a/img.png and b/img.png differ\n";

    private DiffView view;
    private FxTaskRunner tasks;
    private List<FileDiff> files;

    @Start
    void start(Stage stage) {
        tasks = new FxTaskRunner(1);
        view = new DiffView(tasks, Debouncer.immediate());
        files = new ArrayList<>(DiffParser.parse(DIFF.getBytes(StandardCharsets.UTF_8)));
        files.add(new FileDiff("big.csv", "big.csv", ChangeKind.MODIFIED, -1, null, null, false, true, List.of(), 100,
                20, null, false));
        view.setFiles(files);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(view, 900, 700);
        Stylesheets.apply(scene.getStylesheets());
        stage.setScene(scene);
        stage.sizeToScene(); // an earlier test may have sized the shared stage
        stage.show();
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    @Test
    void showsNumbersLineClassesChangedWordsAndSyntax(FxRobot robot) throws Exception {
        StyleClassedTextArea area = view.oldArea();
        int removed = paragraph(area, "    int a = 1;");
        int added = paragraph(area, "    int a = 2;");
        assertEquals(removed + 1, added);
        assertEquals(List.of("diff-removed"), List.copyOf(on(() -> area.getParagraph(removed).getParagraphStyle())));
        assertEquals(List.of("diff-added"), List.copyOf(on(() -> area.getParagraph(added).getParagraphStyle())));
        assertTrue(gutter(robot, area, removed).matches("\\s+2\\s+−"), () -> gutter(robot, area, removed));
        assertTrue(gutter(robot, area, added).matches("\\s+2 \\+"), () -> gutter(robot, area, added));
        assertTrue(gutter(robot, area, removed - 1).matches("\\s+1\\s+1"));
        assertTrue(on(() -> area.getStyleOfChar(added, 12)).contains("diff-word"), "the 2 changed");
        assertFalse(on(() -> area.getStyleOfChar(added, 5)).contains("diff-word"), "int did not");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> on(() -> area.getStyleOfChar(added, 5))
                .contains("syn-keyword"));
        assertTrue(on(() -> area.getStyleOfChar(added, 12)).contains("diff-word"), "changed words survive the syntax pass");
        assertTrue(text(area).contains("⋯ 16 unchanged lines"), "gap between hunks");
    }

    @Test
    void sideBySidePairsRemovedWithAddedLines(FxRobot robot) {
        robot.interact(() -> view.setMode(DiffView.Mode.SIDE_BY_SIDE));
        StyleClassedTextArea left = view.oldArea();
        StyleClassedTextArea right = view.newArea();
        assertEquals(on(() -> left.getParagraphs().size()), on(() -> right.getParagraphs().size()));
        int row = paragraph(left, "    int a = 1;");
        assertEquals("    int a = 2;", on(() -> right.getParagraph(row).getText()));
        int y = paragraph(right, "y");
        assertEquals("", on(() -> left.getParagraph(y).getText()), "a filler opposite the added line");
        assertEquals(List.of("diff-filler"), List.copyOf(on(() -> left.getParagraph(y).getParagraphStyle())));
        assertTrue(gutter(robot, right, y).matches("\\s+31 \\+"), () -> gutter(robot, right, y));
    }

    @Test
    void foldedContextExpandsOnClick(FxRobot robot) {
        StyleClassedTextArea area = view.oldArea();
        int folded = paragraph(area, "⋯ expand 5 unchanged lines");
        assertFalse(text(area).contains("// c6"));
        Bounds bounds = on(() -> area.getCharacterBoundsOnScreen(area.getAbsolutePosition(folded, 2),
                area.getAbsolutePosition(folded, 3)).orElseThrow());
        robot.clickOn(bounds.getCenterX(), bounds.getCenterY());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(area).contains("// c6"), "the hidden lines are shown");
        assertFalse(text(area).contains("⋯ expand"));
    }

    @Test
    void showsRenameBinaryAndTooLargePlaceholders() {
        String text = text(view.oldArea());
        assertTrue(text.contains("R  old.txt → new.txt (90%)   +1 −1"), text);
        assertTrue(text.contains("Binary file, not shown"), text);
        assertTrue(text.contains("Too large to show (120 lines changed); open the file or view it in git"), text);
    }

    @Test
    void navigatesChangesAndFilesAndFiresHunkKeys(FxRobot robot) {
        List<DiffView.HunkRef> accepted = new ArrayList<>();
        List<DiffView.HunkRef> rejected = new ArrayList<>();
        List<FileDiff> viewed = new ArrayList<>();
        robot.interact(() -> {
            view.setOnAcceptHunk(accepted::add);
            view.setOnRejectHunk(rejected::add);
            view.setOnMarkViewed(viewed::add);
            view.oldArea().requestFocus();
        });
        FileDiff main = files.get(0);
        assertEquals(null, view.selectedHunkProperty().get(), "the caret starts on the file header");
        robot.type(KeyCode.N);
        assertEquals(new DiffView.HunkRef(main, main.hunks().get(0)), view.selectedHunkProperty().get());
        assertEquals("    int a = 1;", on(() -> view.oldArea().getParagraph(view.oldArea().getCurrentParagraph())
                .getText()));
        robot.interact(view::nextChange);
        assertEquals(new DiffView.HunkRef(main, main.hunks().get(1)), view.selectedHunkProperty().get());
        robot.type(KeyCode.A);
        robot.type(KeyCode.R);
        robot.type(KeyCode.V);
        assertEquals(List.of(new DiffView.HunkRef(main, main.hunks().get(1))), accepted);
        assertEquals(List.of(new DiffView.HunkRef(main, main.hunks().get(1))), rejected);
        assertEquals(List.of(main), viewed);
        robot.press(KeyCode.ALT).type(KeyCode.UP).release(KeyCode.ALT);
        assertEquals(main.hunks().get(0), view.selectedHunkProperty().get().hunk());
        robot.interact(view::nextFile);
        assertEquals(files.get(1), on(() -> view.files().get(view.rowsOf(view.oldArea())
                .get(view.oldArea().getCurrentParagraph()).file())));
    }

    @Test
    void selectingLinesQuotesThemAndCommentKeyFires(FxRobot robot) {
        AtomicReference<DiffView.LineSelection> commented = new AtomicReference<>();
        StyleClassedTextArea area = view.oldArea();
        int x = paragraph(area, "x");
        robot.interact(() -> {
            view.setOnAddComment(commented::set);
            area.requestFocus();
            area.selectRange(x, 0, x + 1, 1);
        });
        DiffView.LineSelection expected = new DiffView.LineSelection(files.get(0), "new", 30, 31, "x\ny");
        assertEquals(expected, view.selectedLinesProperty().get());
        robot.type(KeyCode.C);
        assertEquals(expected, commented.get());
        int gone = paragraph(area, "gone");
        robot.interact(() -> area.selectRange(gone, 0, gone, 2));
        assertEquals(new DiffView.LineSelection(files.get(1), "old", 2, 2, "gone"), view.selectedLinesProperty().get());
    }

    @Test
    void annotationsShowGutterMarkersWithTooltips(FxRobot robot) {
        StyleClassedTextArea area = view.oldArea();
        int y = paragraph(area, "y");
        int z = paragraph(area, "z");
        robot.interact(() -> view.setAnnotations(List.of(
                new DiffView.Annotation("src/Main.java", "new", 31, "finding-warning", "Why y?"))));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(markerClasses(robot, area, y).contains("diff-marker-finding-warning"));
        assertFalse(markerClasses(robot, area, z).contains("diff-marker-finding-warning"));
    }

    @Test
    void appliesOnlyTheLatestHighlightingWhenResultsArriveOutOfOrder(FxRobot robot) {
        List<Runnable> queued = new ArrayList<>();
        TaskRunner later = new TaskRunner() {
            @Override
            public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
                queued.add(() -> {
                    try {
                        onSuccess.accept(work.call());
                    } catch (Exception failure) {
                        onFailure.accept(failure);
                    }
                });
            }

            @Override
            public void close() {
            }
        };
        List<FileDiff> python = DiffParser.parse(("diff --git a/x.py b/x.py\nindex 1111111..2222222 100644\n"
                + "--- a/x.py\n+++ b/x.py\n@@ -1,1 +1,2 @@\n pass\n+def f(): return None\n")
                .getBytes(StandardCharsets.UTF_8));
        DiffView other = on(() -> new DiffView(later, Debouncer.immediate()));
        robot.interact(() -> {
            other.setFiles(files);
            other.setFiles(python);
            for (int i = queued.size() - 1; i >= 0; i--) {
                queued.get(i).run(); // the newer result first, then the stale one
            }
        });
        assertEquals(2, queued.size());
        int def = paragraph(other.oldArea(), "def f(): return None");
        assertTrue(on(() -> other.oldArea().getStyleOfChar(def, 1)).contains("syn-keyword"));
        assertTrue(on(() -> other.oldArea().getStyleOfChar(def, 14)).contains("syn-keyword"), "None");
    }

    private static List<String> markerClasses(FxRobot robot, StyleClassedTextArea area, int paragraph) {
        return on(() -> {
            Node graphic = area.getParagraphGraphic(paragraph);
            return graphic instanceof HBox box ? List.copyOf(box.getChildren().get(1).getStyleClass()) : List.of();
        });
    }

    private static String gutter(FxRobot robot, StyleClassedTextArea area, int paragraph) {
        return on(() -> {
            Node graphic = area.getParagraphGraphic(paragraph);
            assertNotNull(graphic, "paragraph " + paragraph + " is on screen");
            Text numbers = graphic instanceof HBox box ? (Text) box.getChildren().get(0) : (Text) graphic;
            return numbers.getText().stripTrailing();
        });
    }

    private static int paragraph(StyleClassedTextArea area, String text) {
        return on(() -> {
            for (int i = 0; i < area.getParagraphs().size(); i++) {
                if (area.getParagraph(i).getText().equals(text)) {
                    return i;
                }
            }
            throw new AssertionError("no paragraph " + text);
        });
    }

    private static String text(StyleClassedTextArea area) {
        return on(area::getText);
    }

    private static <T> T on(Callable<T> query) {
        try {
            return WaitForAsyncUtils.asyncFx(query).get(5, TimeUnit.SECONDS);
        } catch (Exception failure) {
            throw new AssertionError(failure);
        }
    }
}
