package dev.questbench.ui.preview;

import static dev.questbench.ui.preview.FxQuery.on;
import static dev.questbench.ui.preview.FxQuery.script;
import static dev.questbench.ui.preview.FxQuery.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.questbench.preview.PreviewServer;
import dev.questbench.preview.PreviewServerTest;
import dev.questbench.ui.common.FxTaskRunner;
import dev.questbench.ui.testing.AnsweringDialogs;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Slide decks (keys, counter, export to PDF) and the dev-server browser against a real local HTTP server. */
@ExtendWith(ApplicationExtension.class)
class SlidesAndBrowserTest {
    @TempDir
    Path dir;
    private final FxTaskRunner tasks = new FxTaskRunner(2);
    private final PreviewServer pages = PreviewServerTest.started();
    private final RecordingApps apps = new RecordingApps();
    private final RenderContext context = new RenderContext(tasks, apps, new AnsweringDialogs(), pages,
            new SimpleBooleanProperty());
    private StackPane holder;
    private HttpServer server;

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
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void arrowsMoveThroughTheDeckAndExportMakesAPagePerSlide(FxRobot robot) throws Exception {
        Path deck = dir.resolve("deck.html");
        Files.writeString(deck, "<html><head><style>section{background:#fff}</style></head><body>"
                + "<section><h1>One</h1></section><section><h1>Two</h1></section>"
                + "<section><h1>Three</h1></section></body></html>");
        AtomicReference<SlidesRenderer> made = new AtomicReference<>();
        robot.interact(() -> {
            made.set(new SlidesRenderer(context));
            holder.getChildren().setAll(made.get().node());
            made.get().show(deck);
        });
        SlidesRenderer slides = made.get();
        until(20, () -> "1 / 3".equals(slides.counterText()));
        until(20, () -> "One".equals(script(slides.webView(), "document.querySelector('h1').textContent")));
        robot.interact(() -> slides.webView().requestFocus());
        robot.type(KeyCode.RIGHT);
        until(20, () -> "2 / 3".equals(slides.counterText()));
        until(20, () -> "Two".equals(script(slides.webView(), "document.querySelector('h1').textContent")));
        robot.type(KeyCode.END);
        until(20, () -> "3 / 3".equals(slides.counterText()));
        robot.type(KeyCode.RIGHT);
        assertEquals("3 / 3", on(slides::counterText), "stays on the last slide");

        Path pdf = dir.resolve("deck.pdf");
        AtomicReference<Object> done = new AtomicReference<>();
        robot.interact(() -> slides.export(pdf, failure -> done.set(failure == null ? "ok" : failure)));
        until(30, () -> done.get() != null);
        assertEquals("ok", done.get());
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertEquals(3, document.getNumberOfPages());
        }
    }

    @Test
    void theBrowserLoadsTheLocalServerAndRefusesOtherHosts(FxRobot robot) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = ("<html><head><title>Page " + path + "</title></head><body><a id=next href='/second'>next</a>"
                    + "</body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        AtomicReference<BrowserView> made = new AtomicReference<>();
        robot.interact(() -> {
            made.set(new BrowserView(context));
            holder.getChildren().setAll(made.get());
            made.get().open(url);
        });
        BrowserView browser = made.get();
        until(20, () -> "Page /".equals(browser.webView().getEngine().getTitle()));
        robot.interact(() -> browser.webView().getEngine().executeScript("document.getElementById('next').click()"));
        until(20, () -> "Page /second".equals(browser.webView().getEngine().getTitle()));
        robot.interact(() -> browser.webView().getEngine().getHistory().go(-1));
        until(20, () -> "Page /".equals(browser.webView().getEngine().getTitle()));

        robot.interact(() -> browser.open("http://example.com/"));
        String refused = on(() -> ((javafx.scene.control.Label) browser.lookup("#browser-message")).getText());
        assertTrue(refused.startsWith("Only addresses on this machine"), refused);
        assertEquals("Page /", on(() -> browser.webView().getEngine().getTitle()), "nothing else loaded");
        assertNull(apps.calls.stream().filter(call -> call.contains("example.com")).findFirst().orElse(null));
    }
}
