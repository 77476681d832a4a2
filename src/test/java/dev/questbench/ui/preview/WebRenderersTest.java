package dev.questbench.ui.preview;

import static dev.questbench.ui.preview.FxQuery.on;
import static dev.questbench.ui.preview.FxQuery.script;
import static dev.questbench.ui.preview.FxQuery.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.questbench.preview.PreviewServer;
import dev.questbench.preview.PreviewServerTest;
import dev.questbench.ui.common.FxTaskRunner;
import dev.questbench.ui.testing.AnsweringDialogs;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Web previews on screen under Monocle: Markdown with a Mermaid diagram drawn by the bundled script, an HTML page
 * with its relative CSS and script, the rule that keeps requests on this machine (and its toggle), and SVG.
 */
@ExtendWith(ApplicationExtension.class)
class WebRenderersTest {
    @TempDir
    Path dir;
    private final FxTaskRunner tasks = new FxTaskRunner(2);
    private final SimpleBooleanProperty allowNetwork = new SimpleBooleanProperty();
    private final PreviewServer pages = PreviewServerTest.started();
    private final RenderContext context = new RenderContext(tasks, new RecordingApps(), new AnsweringDialogs(),
            pages, allowNetwork);
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
    void markdownRendersGfmAndAMermaidDiagramAsSvg(FxRobot robot) throws Exception {
        Path file = dir.resolve("README.md");
        Files.writeString(file, "# Plan\n\n| step | done |\n|---|---|\n| a | [x] |\n\n```java\npublic class A {}\n```\n\n"
                + "```mermaid\ngraph TD\n  Start --> Finish\n```\n");
        WebRenderer renderer = shown(robot, () -> new WebRenderer(context, WebRenderer.Mode.MARKDOWN), file);
        until(30, () -> "done".equals(script(renderer.webView(), "document.body.getAttribute('data-mermaid')"))
                || script(renderer.webView(), "document.body.getAttribute('data-mermaid')").startsWith("failed"));
        assertEquals("done", script(renderer.webView(), "document.body.getAttribute('data-mermaid')"));
        assertEquals("true", script(renderer.webView(), "document.querySelector('pre.mermaid svg') != null"));
        assertTrue(script(renderer.webView(), "document.querySelector('pre.mermaid svg').textContent")
                .contains("Finish"));
        assertEquals("1", script(renderer.webView(), "document.querySelectorAll('table').length"));
        assertEquals("public", script(renderer.webView(), "document.querySelector('code .syn-keyword').textContent"));
    }

    @Test
    void aLongMarkdownFileShowsItsStartThenTheWhole(FxRobot robot) throws Exception {
        StringBuilder text = new StringBuilder("# Start\n\nSee the note[^n].\n\n");
        for (int i = 1; i <= 2000; i++) {
            text.append("## Part ").append(i).append("\n\nSome text for part ").append(i).append(".\n\n");
        }
        text.append("[^n]: The note at the end.\n");
        Path file = dir.resolve("long.md");
        Files.writeString(file, text);
        WebRenderer renderer = shown(robot, () -> new WebRenderer(context, WebRenderer.Mode.MARKDOWN), file);
        until(20, () -> "yes".equals(script(renderer.webView(), "document.body.getAttribute('data-complete')")),
                () -> script(renderer.webView(), "typeof qbReplaceBody + ' ' + document.querySelectorAll('h2').length "
                        + "+ ' ' + document.location.href"));
        assertEquals("Part 2000", script(renderer.webView(), "document.querySelectorAll('h2')[1999].textContent"));
        assertTrue(script(renderer.webView(), "document.body.textContent").contains("The note at the end."),
                "the footnote defined at the end resolves in the whole document");
    }

    @Test
    void htmlLoadsRelativeCssAndRunsScripts(FxRobot robot) throws Exception {
        Files.createDirectories(dir.resolve("css"));
        Files.writeString(dir.resolve("css/site.css"), "h1 { color: rgb(255, 0, 0); }");
        Files.writeString(dir.resolve("app.js"), "document.addEventListener('DOMContentLoaded', function () {"
                + " document.getElementById('out').textContent = 'script ran'; });");
        Path page = dir.resolve("index.html");
        Files.writeString(page, "<html><head><link rel=stylesheet href='css/site.css'><script src='app.js'></script>"
                + "</head><body><h1>Title</h1><p id=out></p></body></html>");
        WebRenderer renderer = shown(robot, () -> new WebRenderer(context, WebRenderer.Mode.HTML), page);
        until(20, () -> "script ran".equals(script(renderer.webView(), "document.getElementById('out').textContent")));
        assertEquals("rgb(255, 0, 0)", script(renderer.webView(),
                "getComputedStyle(document.querySelector('h1')).color"));
    }

    @Test
    void requestsOutsideThisMachineAreBlockedUnlessAllowed(FxRobot robot) throws Exception {
        Map<String, Integer> hits = new ConcurrentHashMap<>();
        server = HttpServer.create(new InetSocketAddress(0), 0); // every interface: reachable by LAN address too
        server.createContext("/", exchange -> {
            hits.merge(exchange.getRequestURI().getPath(), 1, Integer::sum);
            byte[] gif = java.util.Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
            exchange.getResponseHeaders().add("Content-Type", "image/gif");
            exchange.sendResponseHeaders(200, gif.length);
            exchange.getResponseBody().write(gif);
            exchange.close();
        });
        server.start();
        int port = server.getAddress().getPort();
        String outside = "http://" + outsideHost() + ":" + port + "/outside.gif";
        Path page = dir.resolve("page.html");
        Files.writeString(page, "<html><head><script>window.done = [];"
                + "document.addEventListener('securitypolicyviolation', function (e) { window.done.push('blocked ' + e.blockedURI); });"
                + "function mark(what) { window.done.push(what); }</script></head><body>"
                + "<img src='" + outside + "' onerror=\"mark('outside failed')\" onload=\"mark('outside loaded')\">"
                + "<img src='http://127.0.0.1:" + port + "/inside.gif' onload=\"mark('inside loaded')\" "
                + "onerror=\"mark('inside failed')\"></body></html>");
        WebRenderer renderer = shown(robot, () -> new WebRenderer(context, WebRenderer.Mode.HTML), page);
        until(15, () -> script(renderer.webView(), "window.done.join('|')").contains("outside failed")
                && script(renderer.webView(), "window.done.join('|')").contains("inside loaded")
                && script(renderer.webView(), "window.done.join('|')").contains("blocked "), // events arrive in any order
                () -> script(renderer.webView(), "window.done.join('|')") + " " + hits + " "
                        + script(renderer.webView(), "document.location.href"));
        assertTrue(script(renderer.webView(), "window.done.join('|')").contains("blocked " + outside.substring(0,
                outside.indexOf("/outside"))), () -> script(renderer.webView(), "window.done.join('|')"));
        assertEquals(1, hits.getOrDefault("/inside.gif", 0));
        assertEquals(0, hits.getOrDefault("/outside.gif", 0), "the blocked request never left");

        robot.interact(() -> allowNetwork.set(true)); // the toggle reloads the page with the network allowed
        until(15, () -> script(renderer.webView(), "window.done.join('|')").contains("outside loaded"));
        assertEquals(1, hits.getOrDefault("/outside.gif", 0));
    }

    @Test
    void svgShowsAsAnImage(FxRobot robot) throws Exception {
        Path svg = dir.resolve("chart.svg");
        Files.writeString(svg, "<svg xmlns='http://www.w3.org/2000/svg' width='120' height='80'>"
                + "<rect width='120' height='80' fill='green'/></svg>");
        WebRenderer renderer = shown(robot, () -> new WebRenderer(context, WebRenderer.Mode.SVG), svg);
        until(20, () -> "120".equals(script(renderer.webView(), "document.querySelector('img.svg').naturalWidth")));
    }

    /** Makes the renderer on the FX thread (WebViews must be), puts it on screen and shows the file. */
    private <R extends Renderer> R shown(FxRobot robot, java.util.function.Supplier<R> make, Path file) {
        java.util.concurrent.atomic.AtomicReference<R> made = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> {
            R renderer = make.get();
            made.set(renderer);
            holder.getChildren().setAll(renderer.node());
            renderer.show(file);
        });
        return made.get();
    }

    /** A non-loopback address of this machine when it has one, else a documentation address no one answers. */
    private static String outsideHost() throws Exception {
        for (NetworkInterface network : List.copyOf(java.util.Collections.list(NetworkInterface.getNetworkInterfaces()))) {
            for (InetAddress address : java.util.Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress() && network.isUp()) {
                    return address.getHostAddress();
                }
            }
        }
        return "192.0.2.1";
    }
}
