package dev.questbench.ui.preview;

import dev.questbench.preview.PdfPages;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.feather.Feather;

/**
 * A PDF one page at a time: each page is rendered when it is shown, at the current zoom; page keys and buttons
 * move between pages. A reload after a write keeps the page and the zoom.
 */
final class PdfRenderer extends BaseRenderer {
    private final ImageView page = new ImageView();
    private final Label counter = new Label();
    private PdfPages document;
    private int index;
    private float zoom = 1.25f;

    PdfRenderer(RenderContext context) {
        this(context, new ScrollPane(new StackPane()));
    }

    private PdfRenderer(RenderContext context, ScrollPane scroll) {
        super(context, scroll);
        ((StackPane) scroll.getContent()).getChildren().add(page);
        scroll.setFitToWidth(true);
        scroll.setPannable(true);
        page.setId("preview-pdf-page");
        page.getStyleClass().add("pdf-page");
        counter.setId("preview-pdf-counter");
        counter.getStyleClass().add("slide-counter");
        setToolbar(new HBox(4,
                WebRenderer.iconButton(Feather.CHEVRON_LEFT, "Previous page", () -> go(index - 1)), counter,
                WebRenderer.iconButton(Feather.CHEVRON_RIGHT, "Next page", () -> go(index + 1)),
                WebRenderer.iconButton(Feather.ZOOM_OUT, "Zoom out", () -> zoom(zoom / 1.25f)),
                WebRenderer.iconButton(Feather.ZOOM_IN, "Zoom in", () -> zoom(zoom * 1.25f))));
        scroll.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.PAGE_DOWN || event.getCode() == KeyCode.RIGHT) {
                go(index + 1);
            } else if (event.getCode() == KeyCode.PAGE_UP || event.getCode() == KeyCode.LEFT) {
                go(index - 1);
            }
        });
    }

    /** The page shown, from 0. */
    int pageIndex() {
        return index;
    }

    ImageView pageView() {
        return page;
    }

    @Override
    public void show(Path file) {
        PdfPages before = document;
        load(() -> PdfPages.open(file), opened -> {
            close(before);
            document = opened;
            go(Math.min(index, opened.pageCount() - 1));
        });
    }

    /** Shows page {@code target} (clamped), rendering it in the background. */
    void go(int target) {
        PdfPages open = document;
        if (open == null) {
            return;
        }
        int count = open.pageCount();
        int wanted = Math.max(0, Math.min(count - 1, target));
        index = wanted;
        counter.setText((wanted + 1) + " / " + count);
        float scale = zoom * (float) Math.max(1, outputScale());
        load(() -> FxImages.toFx(open.render(wanted, scale)), image -> {
            page.setImage(image);
            page.setFitWidth(image.getWidth() / Math.max(1, outputScale()));
            page.setPreserveRatio(true);
        });
    }

    @Override
    public void dispose() {
        super.dispose();
        close(document);
        document = null;
    }

    private void zoom(float factor) {
        zoom = Math.max(0.25f, Math.min(6f, factor));
        go(index);
    }

    private double outputScale() {
        return node().getScene() == null || node().getScene().getWindow() == null ? 1
                : node().getScene().getWindow().getOutputScaleX();
    }

    private void close(PdfPages pages) {
        if (pages != null) {
            context.tasks().run(() -> {
                try {
                    pages.close();
                } catch (IOException ignored) {
                    // a document that will not close holds only memory; nothing to tell the user
                }
            }, failure -> { });
        }
    }
}
