package dev.questbench.ui.preview;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.feather.Feather;

/** PNG, JPEG, GIF and BMP images: fit to the panel or zoomed, scrolled when bigger than it. */
final class ImageRenderer extends BaseRenderer {
    private final ImageView view;
    private final ScrollPane scroll;
    private final Label size = new Label();
    private boolean fit = true;
    private double zoom = 1;

    ImageRenderer(RenderContext context) {
        this(context, scrollOf(new ImageView()));
    }

    private ImageRenderer(RenderContext context, ScrollPane scroll) {
        super(context, scroll);
        this.scroll = scroll;
        this.view = (ImageView) ((StackPane) scroll.getContent()).getChildren().get(0);
        view.setId("preview-image");
        view.setPreserveRatio(true);
        view.setSmooth(true);
        scroll.viewportBoundsProperty().addListener((observable, before, after) -> layoutImage());
        size.getStyleClass().add("artifact-facts");
        setToolbar(new HBox(4,
                WebRenderer.iconButton(Feather.MINIMIZE, "Fit", () -> setZoom(true, 1)),
                WebRenderer.iconButton(Feather.MAXIMIZE, "Actual size", () -> setZoom(false, 1)),
                WebRenderer.iconButton(Feather.ZOOM_OUT, "Zoom out", () -> setZoom(false, scale() / 1.25)),
                WebRenderer.iconButton(Feather.ZOOM_IN, "Zoom in", () -> setZoom(false, scale() * 1.25)), size));
    }

    ImageView imageView() {
        return view;
    }

    /** The shown scale: 1 is one image pixel per screen pixel. */
    double scale() {
        Image image = view.getImage();
        return image == null || image.getWidth() == 0 ? 1 : view.getBoundsInLocal().getWidth() / image.getWidth();
    }

    @Override
    public void show(Path file) {
        load(() -> {
            try (InputStream in = Files.newInputStream(file)) {
                Image image = new Image(in);
                if (image.isError()) {
                    throw new IllegalStateException(file.getFileName() + " could not be read as an image.");
                }
                return image;
            }
        }, image -> {
            view.setImage(image);
            size.setText((int) image.getWidth() + " × " + (int) image.getHeight());
            layoutImage();
        });
    }

    private void setZoom(boolean fitToPanel, double factor) {
        fit = fitToPanel;
        zoom = Math.max(0.05, Math.min(16, factor));
        layoutImage();
    }

    private void layoutImage() {
        Image image = view.getImage();
        if (image == null) {
            return;
        }
        if (fit) {
            double width = Math.max(1, scroll.getViewportBounds().getWidth() - 2);
            double height = Math.max(1, scroll.getViewportBounds().getHeight() - 2);
            double k = Math.min(1, Math.min(width / image.getWidth(), height / image.getHeight()));
            view.setFitWidth(image.getWidth() * k);
        } else {
            view.setFitWidth(image.getWidth() * zoom);
        }
    }

    private static ScrollPane scrollOf(ImageView view) {
        StackPane holder = new StackPane(view);
        ScrollPane scroll = new ScrollPane(holder);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setPannable(true);
        return scroll;
    }
}
