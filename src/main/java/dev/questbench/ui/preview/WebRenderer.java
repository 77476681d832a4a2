package dev.questbench.ui.preview;

import atlantafx.base.theme.Styles;
import dev.questbench.preview.DevServers;
import dev.questbench.preview.MarkdownRenderer;
import dev.questbench.preview.PreviewPage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.concurrent.Worker;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * HTML, Markdown and SVG files in a WebView: relative links load from the file's folder, JavaScript runs, requests
 * to other hosts are blocked unless the network is allowed, and a reload after a write keeps the scroll position.
 */
final class WebRenderer extends BaseRenderer {
    /** Which page a file becomes. */
    enum Mode { HTML, MARKDOWN, SVG }

    private static final String CSS = readCss();
    /** How much of a long Markdown file shows first, while the rest renders. */
    static final int FIRST_PART_CHARS = 16_000;

    private final Mode mode;
    private final MarkdownRenderer markdown;
    private final WebView web;
    private Path shown;
    private Number restoreY;
    private String pendingScript;
    private Runnable afterLoad;

    WebRenderer(RenderContext context, Mode mode) {
        this(context, mode, new WebView());
    }

    private WebRenderer(RenderContext context, Mode mode, WebView web) {
        super(context, web);
        this.mode = mode;
        this.web = web;
        this.markdown = mode == Mode.MARKDOWN ? new MarkdownRenderer(new CodeColours()) : null;
        web.setId("preview-web");
        web.setContextMenuEnabled(false);
        WebEngine engine = web.getEngine();
        engine.setJavaScriptEnabled(true);
        engine.getLoadWorker().stateProperty().addListener((observable, before, state) -> {
            if (state == Worker.State.SUCCEEDED && restoreY != null) {
                engine.executeScript("window.scrollTo(0," + restoreY + ")");
                restoreY = null;
            }
            if (state == Worker.State.SUCCEEDED && afterLoad != null) {
                Runnable next = afterLoad;
                afterLoad = null;
                next.run();
            }
            if (state == Worker.State.SUCCEEDED && pendingScript != null) {
                engine.executeScript(pendingScript);
                pendingScript = null;
            }
        });
        engine.locationProperty().addListener((observable, before, location) -> guard(location));
        setToolbar(toolbar());
        context.allowNetwork().addListener((observable, before, after) -> {
            if (mode == Mode.HTML && shown != null) {
                show(shown);
            }
        });
    }

    /** The WebView, for tests that query the page (on the FX thread). */
    WebView webView() {
        return web;
    }

    @Override
    public void show(Path file) {
        if (file.equals(shown) && web.getEngine().getDocument() != null) {
            Object y = web.getEngine().executeScript("window.scrollY");
            restoreY = y instanceof Number number ? number : null;
        }
        shown = file;
        afterLoad = null; // a newer show replaces the page; what was pending for the old one is moot
        pendingScript = null;
        boolean allow = context.allowNetwork().get();
        load(() -> page(file, allow), page -> {
            web.getEngine().load(page.url());
            if (page.rest() != null) {
                Number keep = restoreY;
                // Rendered once the first part has painted, so the two do not share the CPU.
                afterLoad = () -> load(() -> wholeBody(file, page.rest()), url -> replaceBody(url, keep));
            }
        });
    }

    @Override
    public void dispose() {
        super.dispose();
        web.getEngine().load(null);
    }

    /** The address to load and, for a long Markdown file shown first in part, its whole text to render next. */
    private record Page(String url, String rest) {
    }

    private Page page(Path file, boolean allowNetwork) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        String name = file.getFileName().toString();
        return switch (mode) {
            case HTML -> new Page(context.server().urlOf(file, allowNetwork), null);
            case MARKDOWN -> {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int cut = MarkdownRenderer.firstPartEnd(text, FIRST_PART_CHARS);
                String body = markdown.toHtml(cut < 0 ? text : text.substring(0, cut));
                String mermaid = MarkdownRenderer.mentionsMermaid(text) ? context.server().mermaidUrl() : null;
                String url = context.server().publish(folder, ".questbench-preview-" + name + ".html",
                        PreviewPage.document(name, body, CSS, mermaid));
                yield new Page(url, cut < 0 ? null : text);
            }
            case SVG -> new Page(context.server().publish(folder, ".questbench-preview-" + name + ".html",
                    PreviewPage.document(name, "<img class=\"svg\" alt=\"\" src=\""
                            + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")
                            + "\">", CSS, null)), null);
        };
    }

    /** Renders a long Markdown file whole and serves the body beside it; returns where. */
    private String wholeBody(Path file, String text) {
        return context.server().publish(file.toAbsolutePath().getParent(), ".questbench-preview-whole-"
                + file.getFileName() + ".html", markdown.toHtml(text));
    }

    /** Swaps the first part for the whole body once the page has loaded (now, or when it finishes loading). */
    private void replaceBody(String url, Number y) {
        String call = "qbReplaceBody('" + url + "'," + (y == null ? "null" : y) + ")";
        if (web.getEngine().getLoadWorker().getState() == Worker.State.SUCCEEDED) {
            web.getEngine().executeScript(call);
        } else {
            pendingScript = call;
        }
    }

    /** Following a link away from this machine: stopped (it opens in the system browser instead). */
    private void guard(String location) {
        if (location == null || location.isEmpty() || !location.matches("(?i)https?:.*")
                || DevServers.isLoopback(location) || context.allowNetwork().get()) {
            return;
        }
        Platform.runLater(() -> {
            web.getEngine().getLoadWorker().cancel();
            if (shown != null) {
                show(shown);
            }
            context.tasks().run(() -> context.apps().browse(java.net.URI.create(location)),
                    failure -> showMessage(failure.getMessage()));
        });
    }

    private HBox toolbar() {
        Button zoomOut = iconButton(Feather.ZOOM_OUT, "Zoom out", () -> web.setZoom(Math.max(0.25, web.getZoom() / 1.2)));
        Button zoomIn = iconButton(Feather.ZOOM_IN, "Zoom in", () -> web.setZoom(Math.min(5, web.getZoom() * 1.2)));
        Button actual = iconButton(Feather.MAXIMIZE, "Actual size", () -> web.setZoom(1));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(4, zoomOut, zoomIn, actual, spacer);
        if (mode == Mode.HTML && context.allowNetwork() instanceof BooleanProperty allow) {
            CheckBox network = new CheckBox("Allow network");
            network.setId("preview-allow-network");
            network.setTooltip(new Tooltip("Let this page load from hosts other than this machine"));
            network.selectedProperty().bindBidirectional(allow);
            bar.getChildren().add(network);
        }
        return bar;
    }

    static Button iconButton(Feather icon, String name, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        button.setTooltip(new Tooltip(name));
        button.setAccessibleText(name);
        button.setOnAction(event -> action.run());
        return button;
    }

    private static String readCss() {
        try (InputStream in = WebRenderer.class.getResourceAsStream("markdown.css")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
