package dev.questbench.ui.preview;

import dev.questbench.preview.MarkdownRenderer;
import dev.questbench.preview.SlideDeck;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.web.WebView;
import org.kordamp.ikonli.feather.Feather;

/**
 * A slide deck (HTML sections or Markdown parts) one slide at a time at 16:9: arrow keys and buttons move, "N / M"
 * counts, a strip of thumbnails jumps, Present shows it full screen, Export writes a PDF with a page per slide.
 */
final class SlidesRenderer extends BaseRenderer {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    private final WebView web;
    private final Label counter = new Label();
    private final HBox thumbnails = new HBox(6);
    private SlideDeck deck;
    private java.util.List<String> urls = java.util.List.of();
    private int index;
    private Path shown;
    private SlidePresenter presenter;

    SlidesRenderer(RenderContext context) {
        this(context, new WebView());
    }

    private SlidesRenderer(RenderContext context, WebView web) {
        super(context, web);
        this.web = web;
        web.setId("preview-slide");
        web.setContextMenuEnabled(false);
        counter.setId("slide-counter");
        counter.getStyleClass().add("slide-counter");
        Button present = new Button("Present", new org.kordamp.ikonli.javafx.FontIcon(Feather.MONITOR));
        present.setOnAction(event -> present());
        Button export = new Button("Export PDF", new org.kordamp.ikonli.javafx.FontIcon(Feather.DOWNLOAD));
        export.setOnAction(event -> exportAsked());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        setToolbar(new HBox(4, WebRenderer.iconButton(Feather.CHEVRON_LEFT, "Previous slide", this::previous),
                counter, WebRenderer.iconButton(Feather.CHEVRON_RIGHT, "Next slide", this::next), spacer, present,
                export));
        ScrollPane strip = new ScrollPane(thumbnails);
        strip.getStyleClass().add("slide-thumbnails");
        strip.setFitToHeight(true);
        strip.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        ((BorderPane) node()).setBottom(strip);
        node().addEventFilter(KeyEvent.KEY_PRESSED, this::key);
    }

    int index() {
        return index;
    }

    int size() {
        return deck == null ? 0 : deck.size();
    }

    String counterText() {
        return counter.getText();
    }

    WebView webView() {
        return web;
    }

    @Override
    public void show(Path file) {
        shown = file;
        load(() -> read(file), read -> {
            SlideDeck loaded = read.deck();
            deck = loaded;
            urls = read.urls();
            thumbnails.getChildren().clear();
            for (int i = 0; i < loaded.size(); i++) {
                int target = i;
                Button thumbnail = new Button((i + 1) + "\n" + loaded.titles().get(i));
                thumbnail.getStyleClass().add("slide-thumbnail");
                thumbnail.setWrapText(true);
                thumbnail.setOnAction(event -> go(target));
                thumbnails.getChildren().add(thumbnail);
            }
            go(Math.min(index, loaded.size() - 1));
        });
    }

    void next() {
        go(index + 1);
    }

    void previous() {
        go(index - 1);
    }

    /** Shows slide {@code target} (from 0, clamped). */
    void go(int target) {
        if (deck == null || deck.size() == 0) {
            return;
        }
        index = Math.max(0, Math.min(deck.size() - 1, target));
        counter.setText((index + 1) + " / " + deck.size());
        web.getEngine().load(urls.get(index));
        for (int i = 0; i < thumbnails.getChildren().size(); i++) {
            thumbnails.getChildren().get(i).pseudoClassStateChanged(CURRENT, i == index);
        }
        if (presenter != null) {
            presenter.show(urls.get(index));
        }
    }

    /** Writes every slide as a page of a PDF; {@code done} gets null or the failure, on the FX thread. */
    void export(Path target, java.util.function.Consumer<Throwable> done) {
        if (deck == null) {
            done.accept(new IllegalStateException("The deck is not loaded yet."));
            return;
        }
        new SlideExport(urls, context.tasks()).run(target, done);
    }

    @Override
    public void dispose() {
        super.dispose();
        web.getEngine().load(null);
        if (presenter != null) {
            presenter.close();
        }
    }

    private void exportAsked() {
        if (shown == null) {
            return;
        }
        String name = shown.getFileName().toString().replaceFirst("\\.[^.]+$", "") + ".pdf";
        context.dialogs().chooseSaveFile("Export slides to PDF", shown.getParent(), name).ifPresent(target ->
                export(target, failure -> {
                    if (failure != null) {
                        context.dialogs().showError("The slides could not be exported", failure.getMessage());
                    } else {
                        context.dialogs().showInfo("Slides exported", size() + " slides written to " + target);
                    }
                }));
    }

    private void present() {
        if (deck == null || node().getScene() == null) {
            return;
        }
        presenter = new SlidePresenter(node().getScene().getWindow(), this::next, this::previous, () -> presenter = null);
        presenter.show(urls.get(index));
    }

    private void key(KeyEvent event) {
        KeyCode code = event.getCode();
        if (code == KeyCode.RIGHT || code == KeyCode.PAGE_DOWN || code == KeyCode.SPACE) {
            next();
            event.consume();
        } else if (code == KeyCode.LEFT || code == KeyCode.PAGE_UP) {
            previous();
            event.consume();
        } else if (code == KeyCode.HOME) {
            go(0);
            event.consume();
        } else if (code == KeyCode.END) {
            go(size() - 1);
            event.consume();
        }
    }

    private record Loaded(SlideDeck deck, java.util.List<String> urls) {
    }

    /** Reads the deck and serves each slide beside the file, so its relative images and styles load. */
    private Loaded read(Path file) throws java.io.IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Path folder = file.toAbsolutePath().getParent();
        SlideDeck read = dev.questbench.preview.FileKind.byName(file.getFileName().toString())
                == dev.questbench.preview.FileKind.HTML ? SlideDeck.fromHtml(text)
                : SlideDeck.fromMarkdown(text, new MarkdownRenderer(new CodeColours()));
        java.util.List<String> served = new java.util.ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            served.add(context.server().publish(folder, ".questbench-slide-" + (i + 1) + "-" + file.getFileName()
                    + ".html", read.pages().get(i)));
        }
        return new Loaded(read, served);
    }
}
