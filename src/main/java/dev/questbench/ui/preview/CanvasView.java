package dev.questbench.ui.preview;

import atlantafx.base.theme.Styles;
import java.util.HashMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.feather.Feather;

/**
 * The canvas: pinned artifacts as tiles, each rendered live by its kind's renderer, on a surface that zooms (the
 * buttons, or Ctrl + scroll) and scrolls. A tile's renderer lives as long as its pin.
 */
final class CanvasView extends BorderPane {
    static final double TILE_WIDTH = 520;
    static final double TILE_HEIGHT = 380;

    private final CanvasViewModel model;
    private final RenderContext context;
    private final FlowPane surface = new FlowPane(16, 16);
    private final Map<String, Tile> tiles = new HashMap<>();

    /** One tile: the renderer and the node around it. */
    private record Tile(Renderer renderer, BorderPane node) {
    }

    CanvasView(CanvasViewModel model, RenderContext context) {
        this.model = model;
        this.context = context;
        setId("preview-canvas");
        getStyleClass().add("preview-canvas");
        surface.setPadding(new Insets(16));
        surface.setPrefWrapLength(3 * (TILE_WIDTH + 16));
        Group zoomed = new Group(surface);
        surface.scaleXProperty().bind(model.zoomProperty());
        surface.scaleYProperty().bind(model.zoomProperty());
        ScrollPane scroll = new ScrollPane(new StackPane(zoomed));
        scroll.setPannable(true);
        scroll.addEventFilter(ScrollEvent.SCROLL, event -> {
            if (event.isShortcutDown() && event.getDeltaY() != 0) {
                model.zoomBy(event.getDeltaY() > 0 ? 1.1 : 1 / 1.1);
                event.consume();
            }
        });
        Label empty = new Label("Pin artifacts here (the pin button above a preview) to compare them side by side.");
        empty.setId("canvas-empty");
        empty.setWrapText(true);
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.pins()));
        setCenter(new StackPane(scroll, empty));
        setTop(toolbar());
        model.pins().addListener((ListChangeListener<CanvasViewModel.Pin>) change -> showPins());
        showPins();
    }

    /** Stops every tile's renderer. */
    void dispose() {
        tiles.values().forEach(tile -> tile.renderer().dispose());
        tiles.clear();
    }

    private HBox toolbar() {
        Label zoom = new Label();
        zoom.textProperty().bind(model.zoomProperty().multiply(100).asString("%.0f %%"));
        zoom.setId("canvas-zoom");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(4,
                WebRenderer.iconButton(Feather.PLUS_CIRCLE, "Pin another file…", model::pinOther),
                gap,
                WebRenderer.iconButton(Feather.ZOOM_OUT, "Zoom out", () -> model.zoomBy(1 / 1.25)), zoom,
                WebRenderer.iconButton(Feather.ZOOM_IN, "Zoom in", () -> model.zoomBy(1.25)),
                WebRenderer.iconButton(Feather.MAXIMIZE, "Actual size", () -> model.zoomProperty().set(1.0)));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("preview-toolbar");
        return bar;
    }

    /** Adds tiles for new pins and drops those unpinned, keeping the others (and their scroll positions). */
    private void showPins() {
        Map<String, CanvasViewModel.Pin> wanted = new HashMap<>();
        model.pins().forEach(pin -> wanted.put(pin.file(), pin));
        tiles.entrySet().removeIf(entry -> {
            if (!wanted.containsKey(entry.getKey())) {
                entry.getValue().renderer().dispose();
                return true;
            }
            return false;
        });
        surface.getChildren().clear();
        for (CanvasViewModel.Pin pin : model.pins()) {
            surface.getChildren().add(tiles.computeIfAbsent(pin.file(), file -> tile(pin)).node());
        }
    }

    private Tile tile(CanvasViewModel.Pin pin) {
        Renderer renderer = PreviewPanel.Renderers.create(pin.kind(), false, context);
        renderer.show(pin.path());
        Label name = new Label(pin.name());
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.setMinWidth(0);
        Label where = new Label(pin.file());
        where.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        where.setMinWidth(0);
        HBox.setHgrow(where, Priority.ALWAYS);
        Button unpin = WebRenderer.iconButton(Feather.X, "Unpin", () -> model.unpin(pin));
        HBox header = new HBox(8, name, where, unpin);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(4, 8, 4, 8));
        BorderPane node = new BorderPane(renderer.node());
        node.setTop(header);
        node.getStyleClass().add("canvas-tile");
        node.setPrefSize(TILE_WIDTH, TILE_HEIGHT);
        node.setMinSize(TILE_WIDTH, TILE_HEIGHT);
        node.setMaxSize(TILE_WIDTH, TILE_HEIGHT);
        return new Tile(renderer, node);
    }
}
