package dev.questbench.ui.preview;

import static dev.questbench.ui.preview.FxQuery.on;
import static dev.questbench.ui.preview.FxQuery.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.preview.PreviewServer;
import dev.questbench.preview.PreviewServerTest;
import dev.questbench.ui.common.FxTaskRunner;
import dev.questbench.ui.testing.AnsweringDialogs;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Each file renderer on screen with a file the test makes: image, big CSV, JSON, multi-page PDF, source, binary. */
@ExtendWith(ApplicationExtension.class)
class FileRenderersTest {
    @TempDir
    Path dir;
    private final FxTaskRunner tasks = new FxTaskRunner(2);
    private final PreviewServer pages = PreviewServerTest.started();
    private final RenderContext context = new RenderContext(tasks, new RecordingApps(), new AnsweringDialogs(),
            pages, new SimpleBooleanProperty());
    private StackPane holder;

    @Start
    void start(Stage stage) {
        holder = new StackPane();
        stage.setScene(new Scene(holder, 900, 700));
        stage.sizeToScene(); // an earlier test may have sized the shared stage
        stage.show();
    }

    @AfterEach
    void stop() {
        tasks.close();
        pages.close();
    }

    @Test
    void imagesFitAndZoom(FxRobot robot) throws Exception {
        BufferedImage picture = new BufferedImage(2000, 1000, BufferedImage.TYPE_INT_RGB);
        Path png = dir.resolve("wide.png");
        ImageIO.write(picture, "png", png.toFile());
        ImageRenderer renderer = shown(robot, () -> new ImageRenderer(context), png);
        until(20, () -> renderer.imageView().getImage() != null);
        assertEquals(2000, on(() -> renderer.imageView().getImage().getWidth()));
        until(20, () -> renderer.scale() < 0.5, () -> "scale " + on(renderer::scale) + ", viewport "
                + on(() -> renderer.node().getLayoutBounds())); // fitted into 900 pixels
    }

    @Test
    void aBigCsvShowsItsFirstRowsAndSortsByAColumn(FxRobot robot) throws Exception {
        Path csv = dir.resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            out.write("id,score,name\n");
            for (int i = 0; i < 300_000; i++) {
                out.write(i + "," + (i * 37 % 1000) + ",name " + i + "\n");
            }
        }
        TableRenderer renderer = shown(robot, () -> new TableRenderer(context), csv);
        until(20, () -> renderer.tableView().getItems().size() == 300_000);
        assertEquals(List.of("id", "score", "name"), on(() -> renderer.tableView().getColumns().stream()
                .map(TableColumn::getText).toList()));
        until(20, () -> List.of("0", "0", "name 0").equals(renderer.tableView().getItems().get(0)));
        robot.interact(() -> {
            TableColumn<List<String>, ?> score = renderer.tableView().getColumns().get(1);
            score.setSortType(TableColumn.SortType.DESCENDING);
            renderer.tableView().getSortOrder().setAll(score);
        });
        until(20, () -> "999".equals(renderer.tableView().getItems().get(0).get(1)));
    }

    @Test
    void jsonAsATreeAndItsErrorsSaySo(FxRobot robot) throws Exception {
        Path json = dir.resolve("data.json");
        Files.writeString(json, "{\"name\": \"x\", \"items\": [1, 2, {\"deep\": true}]}");
        JsonRenderer renderer = shown(robot, () -> new JsonRenderer(context), json);
        until(20, () -> renderer.tree().getRoot() != null);
        assertEquals("root  {2}", on(() -> renderer.tree().getRoot().getValue()));
        assertEquals(List.of("name: \"x\"", "items  [3]"), on(() -> renderer.tree().getRoot().getChildren().stream()
                .map(item -> item.getValue()).toList()));
        Files.writeString(json, "{\"broken\": ");
        robot.interact(() -> renderer.show(json));
        until(20, () -> lookupMessage().contains("not valid JSON"));
    }

    @Test
    void pdfPagesRenderOneAtATime(FxRobot robot) throws Exception {
        Path pdf = dir.resolve("doc.pdf");
        try (PDDocument document = new PDDocument()) {
            for (int i = 1; i <= 3; i++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                    text.beginText();
                    text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 24);
                    text.newLineAtOffset(72, 700);
                    text.showText("Page " + i);
                    text.endText();
                }
            }
            document.save(pdf.toFile());
        }
        PdfRenderer renderer = shown(robot, () -> new PdfRenderer(context), pdf);
        until(20, () -> renderer.pageView().getImage() != null);
        assertEquals("1 / 3", on(() -> ((javafx.scene.control.Label) robot.lookup("#preview-pdf-counter").query())
                .getText()));
        javafx.scene.image.Image first = on(() -> renderer.pageView().getImage());
        robot.interact(() -> renderer.go(2));
        until(20, () -> renderer.pageView().getImage() != first);
        assertEquals(2, on(renderer::pageIndex));
        assertEquals("3 / 3", on(() -> ((javafx.scene.control.Label) robot.lookup("#preview-pdf-counter").query())
                .getText()));
    }

    @Test
    void sourceIsHighlightedAndBinaryShowsItsHead(FxRobot robot) throws Exception {
        Path java = dir.resolve("Main.java");
        Files.writeString(java, "public class Main {\n    // note\n}\n");
        TextRenderer text = shown(robot, () -> new TextRenderer(context), java);
        until(20, () -> text.area().getText().startsWith("public class Main"));
        assertTrue(on(() -> text.area().getStyleOfChar(0, 1)).contains("syn-keyword"));
        Path blob = dir.resolve("blob.bin");
        Files.write(blob, new byte[] {1, 0, 'A', (byte) 0xff});
        BinaryRenderer binary = shown(robot, () -> new BinaryRenderer(context), blob);
        until(20, () -> binary.hexArea().getText().startsWith("00000000  01 00 41 ff"));
        assertTrue(on(() -> binary.hexArea().getText()).contains("..A."));
    }

    private String lookupMessage() {
        return holder.lookupAll(".preview-message").stream().filter(javafx.scene.Node::isVisible)
                .map(node -> ((javafx.scene.control.Label) node).getText()).findFirst().orElse("");
    }

    private <R extends Renderer> R shown(FxRobot robot, Supplier<R> make, Path file) {
        AtomicReference<R> made = new AtomicReference<>();
        robot.interact(() -> {
            R renderer = make.get();
            made.set(renderer);
            holder.getChildren().setAll(renderer.node());
            renderer.show(file);
        });
        return made.get();
    }
}
