package dev.questbench.ui.preview;

import atlantafx.base.theme.PrimerLight;
import dev.questbench.bench.BenchMain;
import dev.questbench.preview.PreviewServer;
import dev.questbench.ui.common.FxTaskRunner;
import dev.questbench.ui.common.DialogService;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Previews under Monocle headless: first paint of a 1 MB Markdown file, the first page of a 100-page PDF, the first
 * screen of a 200 MB CSV and the heap it adds, and how long a rewritten HTML file takes to show (write → new text in
 * the page, through the file watcher, its 120 ms quiet period and the reload). Each is timed from the call that shows
 * the file (or the write) to the first pulse after the content is there, after a warm-up round.
 * Budgets: Markdown < 300 ms, PDF first page < 500 ms, CSV first screen < 500 ms with < 100 MB heap added, live
 * reload < 500 ms.
 */
public final class PreviewBench implements BenchMain.Benchmark {
    private static final int ROWS = 4_200_000;
    private StackPane holder;
    private RenderContext context;
    private FxTaskRunner tasks;
    private PreviewServer server;
    private long wholeMillis;

    @Override
    public void run() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        Platform.setImplicitExit(false);
        started.await();
        Path dir = Files.createTempDirectory("preview-bench");
        tasks = new FxTaskRunner(2);
        server = PreviewServer.start();
        context = new RenderContext(tasks, new SystemApps() {
            @Override
            public void open(Path file) {
            }

            @Override
            public void reveal(Path file) {
            }

            @Override
            public void browse(java.net.URI uri) {
            }
        }, null, server, new SimpleBooleanProperty());
        onFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            holder = new StackPane();
            Stage stage = new Stage();
            stage.setScene(new Scene(holder, 1200, 800));
            stage.show();
            return null;
        });
        Path markdown = markdown(dir.resolve("big.md"));
        Path pdf = pdf(dir.resolve("book.pdf"));
        Path csv = csv(dir.resolve("big.csv"));
        csvFirstScreen(csv, false); // first, so the heap figure is not blurred by the web views' garbage
        csvFirstScreen(csv, true);
        for (int round = 0; round < 2; round++) {
            boolean report = round == 1;
            long md = markdownPaint(markdown);
            long page = pdfFirstPage(pdf);
            long reload = liveReload(dir);
            if (report) {
                System.out.printf("markdown 1 MB first paint: %d ms (budget 300); whole document shown: %d ms%n", md,
                        wholeMillis);
                System.out.printf("pdf 100 pages, first page: %d ms (budget 500)%n", page);
                System.out.printf("html live reload, write to new text shown: %d ms (budget 500)%n", reload);
            }
        }
        tasks.close();
        server.close();
    }

    private long markdownPaint(Path file) throws Exception {
        WebRenderer renderer = onFx(() -> new WebRenderer(context, WebRenderer.Mode.MARKDOWN));
        long start = show(renderer, file);
        long done = until(() -> "Section 1".equals(String.valueOf(renderer.webView().getEngine().getDocument() == null
                ? null : renderer.webView().getEngine().executeScript(
                        "document.querySelector('h2') && document.querySelector('h2').textContent"))));
        long whole = until(() -> renderer.webView().getEngine().getDocument() != null && "yes".equals(String.valueOf(
                renderer.webView().getEngine().executeScript("document.body.getAttribute('data-complete')"))));
        wholeMillis = (whole - start) / 1_000_000;
        dispose(renderer);
        return (done - start) / 1_000_000;
    }

    private long pdfFirstPage(Path file) throws Exception {
        PdfRenderer renderer = onFx(() -> new PdfRenderer(context));
        long start = show(renderer, file);
        long done = until(() -> renderer.pageView().getImage() != null);
        dispose(renderer);
        return (done - start) / 1_000_000;
    }

    private long liveReload(Path dir) throws Exception {
        Path page = dir.resolve("live.html");
        Files.writeString(page, "<p id=mark>v0</p>");
        WebRenderer renderer = onFx(() -> new WebRenderer(context, WebRenderer.Mode.HTML));
        show(renderer, page);
        until(() -> "v0".equals(mark(renderer)));
        long[] total = new long[1];
        try (var watcher = dev.questbench.preview.FileWatcher.watch(page, PreviewViewModel.RELOAD_QUIET_MILLIS,
                () -> Platform.runLater(() -> renderer.show(page)))) {
            for (int i = 1; i <= 5; i++) {
                String expected = "v" + i;
                long start = System.nanoTime();
                Files.writeString(page, "<p id=mark>" + expected + "</p>");
                total[0] += until(() -> expected.equals(mark(renderer))) - start;
            }
        }
        dispose(renderer);
        return total[0] / 5 / 1_000_000;
    }

    /** Heap added: used heap after GC while the table shows, minus used heap after GC once it is disposed. */
    private void csvFirstScreen(Path file, boolean report) throws Exception {
        TableRenderer renderer = onFx(() -> new TableRenderer(context));
        long start = show(renderer, file);
        long first = until(() -> renderer.tableView().getItems().size() > 0
                && !renderer.tableView().getItems().get(0).isEmpty());
        long firstHeap = usedHeap();
        until(() -> renderer.tableView().getItems().size() == ROWS);
        long indexed = System.nanoTime();
        long fullHeap = usedHeap();
        int rows = onFx(() -> renderer.tableView().getItems().size());
        dispose(renderer);
        Thread.sleep(200); // the indexer thread closes its file and ends
        long after = usedHeap();
        if (report) {
            System.out.printf("csv %d MB first screen: %d ms (budget 500), heap added %d MB; fully indexed "
                            + "(%,d rows) after %d ms, heap added %d MB (budget 100)%n", Files.size(file) >> 20,
                    (first - start) / 1_000_000, (firstHeap - after) >> 20, rows, (indexed - start) / 1_000_000,
                    (fullHeap - after) >> 20);
        }
    }

    private String mark(WebRenderer renderer) {
        Object text = renderer.webView().getEngine().getDocument() == null ? null : renderer.webView().getEngine()
                .executeScript("document.getElementById('mark') && document.getElementById('mark').textContent");
        return String.valueOf(text);
    }

    private long show(Renderer renderer, Path file) throws Exception {
        return onFx(() -> {
            holder.getChildren().setAll(renderer.node());
            long start = System.nanoTime();
            renderer.show(file);
            return start;
        });
    }

    private void dispose(Renderer renderer) throws Exception {
        onFx(() -> {
            renderer.dispose();
            holder.getChildren().clear();
            return null;
        });
    }

    /** Checks the condition on every pulse; returns the time of the first pulse it held on. */
    private static long until(BooleanSupplier condition) throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        Platform.runLater(() -> new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (condition.getAsBoolean()) {
                    stop();
                    done.complete(System.nanoTime());
                }
            }
        }.start());
        return done.get(120, TimeUnit.SECONDS);
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static Path markdown(Path file) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int section = 1; text.length() < 1_000_000; section++) {
            text.append("## Section ").append(section).append("\n\nSome **bold** and _italic_ text with a [link](https://example.com) ")
                    .append("and `code`. ".repeat(6)).append("\n\n| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |\n| 4 | 5 | 6 |\n\n")
                    .append("- [x] done\n- [ ] todo\n\n```java\npublic class A { int x = ").append(section)
                    .append("; }\n```\n\n");
        }
        Files.writeString(file, text);
        return file;
    }

    private static Path pdf(Path file) throws Exception {
        try (PDDocument document = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 1; i <= 100; i++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                    text.beginText();
                    text.setFont(font, 11);
                    text.newLineAtOffset(72, 720);
                    for (int line = 0; line < 50; line++) {
                        text.showText("Page " + i + ", line " + line + ": the quick brown fox jumps over the lazy dog.");
                        text.newLineAtOffset(0, -13);
                    }
                    text.endText();
                }
            }
            document.save(file.toFile());
        }
        return file;
    }

    private static Path csv(Path file) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("id,amount,city,note\n");
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < ROWS; i++) {
                row.setLength(0);
                row.append(i).append(',').append(i * 37 % 100_000).append(".25,City ").append(i % 997)
                        .append(",a note for row ").append(i).append('\n');
                out.write(row.toString());
            }
        }
        return file;
    }
}
