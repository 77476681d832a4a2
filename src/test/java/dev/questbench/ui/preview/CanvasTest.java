package dev.questbench.ui.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.preview.FileKind;
import dev.questbench.preview.PreviewServer;
import dev.questbench.preview.PreviewServerTest;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DirectTaskRunner;
import dev.questbench.ui.common.FxTaskRunner;
import dev.questbench.ui.testing.AnsweringDialogs;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The canvas on a real store and on screen: pins saved with the quest, tiles rendered by kind, zoom kept in range. */
@ExtendWith(ApplicationExtension.class)
class CanvasTest {
    @TempDir
    Path dir;
    private final FxTaskRunner tasks = new FxTaskRunner(2);
    private final PreviewServer pages = PreviewServerTest.started();
    private final AnsweringDialogs dialogs = new AnsweringDialogs();
    private StackPane holder;

    @Start
    void start(Stage stage) {
        holder = new StackPane();
        stage.setScene(new Scene(holder, 1200, 800));
        stage.sizeToScene(); // an earlier test may have sized the shared stage
        stage.show();
    }

    @AfterEach
    void stop() {
        tasks.close();
        pages.close();
    }

    @Test
    void pinsAreSavedWithTheQuestAndDeletedFilesLeave() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.md"), "# Notes\n");
        Path data = Files.writeString(dir.resolve("data.csv"), "a,b\n1,2\n");
        try (Store store = Store.open(dir.resolve("data"))) {
            CanvasViewModel canvas = new CanvasViewModel(store, new DirectTaskRunner(), dialogs);
            canvas.show("qst_A");
            canvas.pin(notes, "notes.md");
            canvas.pin(notes, "notes.md"); // once
            canvas.pin(data, null);
            dialogs.chooseFileAnswer = Files.writeString(dir.resolve("other.txt"), "from another quest\n");
            canvas.pinOther();
            canvas.zoomBy(100);
            assertEquals(CanvasViewModel.MAX_ZOOM, canvas.zoomProperty().get());
            assertEquals(List.of(FileKind.MARKDOWN, FileKind.CSV, FileKind.TEXT),
                    canvas.pins().stream().map(CanvasViewModel.Pin::kind).toList());

            canvas.show("qst_B");
            assertTrue(canvas.pins().isEmpty(), "each quest has its own canvas");
            Files.delete(data);
            canvas.show("qst_A");
            assertEquals(List.of("notes.md", "other.txt"), canvas.pins().stream().map(CanvasViewModel.Pin::name)
                    .toList(), "saved with the quest; the deleted file left");
            assertEquals(CanvasViewModel.MAX_ZOOM, canvas.zoomProperty().get());
        }
    }

    @Test
    void tilesRenderEachPinnedFileByItsKind(FxRobot robot) throws Exception {
        BufferedImage picture = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
        Path png = dir.resolve("chart.png");
        ImageIO.write(picture, "png", png.toFile());
        Path text = Files.writeString(dir.resolve("log.txt"), "line one\nline two\n");
        try (Store store = Store.open(dir.resolve("data"))) {
            CanvasViewModel canvas = new CanvasViewModel(store, new DirectTaskRunner(), dialogs);
            RenderContext context = new RenderContext(tasks, new RecordingApps(), dialogs, pages,
                    new SimpleBooleanProperty());
            CanvasView view = WaitForAsyncUtils.asyncFx(() -> {
                CanvasView shown = new CanvasView(canvas, context);
                holder.getChildren().setAll(shown);
                canvas.show("qst_A");
                canvas.pin(png, null);
                canvas.pin(text, null);
                return shown;
            }).get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".canvas-tile").queryAll().size() == 2);
            Node empty = robot.lookup("#canvas-empty").query();
            assertTrue(!empty.isVisible(), "the hint hides once something is pinned");
            WaitForAsyncUtils.asyncFx(() -> canvas.unpin(canvas.pins().get(0))).get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".canvas-tile").queryAll().size() == 1);
            WaitForAsyncUtils.asyncFx(view::dispose).get(10, TimeUnit.SECONDS);
        }
    }
}
