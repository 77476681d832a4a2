package dev.questbench.ui.preview;

import atlantafx.base.theme.Styles;
import dev.questbench.preview.Artifact;
import dev.questbench.preview.FileKind;
import dev.questbench.preview.FileVersions;
import dev.questbench.ui.common.Stylesheets;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Preview tab: dev servers the quest started (Open preview), its artifacts newest first, and the selected one
 * rendered by kind with its versions and Open with system app, Reveal in folder and Save as; it reloads when the
 * file changes on disk.
 */
public final class PreviewPanel extends BorderPane {
    private final PreviewViewModel model;
    private final RenderContext context;
    private final ListView<Artifact> list = new ListView<>();
    private final StackPane stage = new StackPane();
    private final Label empty = new Label();
    private final VBox servers = new VBox();
    private final Label title = new Label();
    private Renderer renderer;
    private String rendererKey;
    private BrowserView browser;
    private final CanvasView canvasView;

    public PreviewPanel(PreviewViewModel model, SystemApps apps, dev.questbench.ui.common.TaskRunner tasks,
                        dev.questbench.ui.common.DialogService dialogs) {
        this.model = model;
        this.context = new RenderContext(tasks, apps, dialogs, RenderContext::sharedServer, model.allowNetworkProperty());
        setId("preview-panel");
        getStyleClass().add("preview-panel");
        getStylesheets().add(Stylesheets.of(PreviewPanel.class, "preview.css"));

        list.setId("artifact-list");
        list.getStyleClass().addAll("artifact-list", Styles.DENSE);
        list.setItems(model.artifacts());
        list.setCellFactory(view -> new ArtifactCell());
        list.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> {
            if (after != null) {
                model.selectedProperty().set(after);
            }
        });
        model.selectedProperty().addListener((observable, before, after) -> {
            if (after == null) {
                list.getSelectionModel().clearSelection();
            } else if (!after.equals(list.getSelectionModel().getSelectedItem())) {
                list.getSelectionModel().select(after);
            }
        });
        empty.setId("preview-empty");
        empty.getStyleClass().add("preview-message");
        empty.setWrapText(true);
        empty.textProperty().bind(model.emptyMessageProperty());
        empty.visibleProperty().bind(model.emptyMessageProperty().isNotNull());
        StackPane listArea = new StackPane(list, empty);

        servers.setId("dev-servers");
        servers.managedProperty().bind(servers.visibleProperty());
        servers.visibleProperty().bind(Bindings.isNotEmpty(model.devServers()));
        model.devServers().addListener((ListChangeListener<String>) change -> showServers());

        BorderPane preview = new BorderPane(stage);
        preview.setTop(header());
        SplitPane split = new SplitPane(listArea, preview);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.28);
        SplitPane.setResizableWithParent(listArea, false);
        canvasView = new CanvasView(model.canvas(), context);
        javafx.scene.control.ToggleButton showCanvas = new javafx.scene.control.ToggleButton("Canvas",
                new FontIcon(Feather.GRID));
        showCanvas.setId("preview-show-canvas");
        showCanvas.getStyleClass().add(Styles.SMALL);
        showCanvas.textProperty().bind(Bindings.size(model.canvas().pins()).asString("Canvas (%d)"));
        showCanvas.selectedProperty().addListener((observable, before, on) -> setCenter(on ? canvasView : split));
        HBox canvasBar = new HBox(showCanvas);
        canvasBar.setPadding(new javafx.geometry.Insets(4, 6, 0, 6));
        setTop(new VBox(servers, canvasBar));
        setCenter(split);

        model.shownFileProperty().addListener((observable, before, after) -> render());
        model.revisionProperty().addListener((observable, before, after) -> render());
        model.asSlidesProperty().addListener((observable, before, after) -> render());
        model.browserUrlProperty().addListener((observable, before, after) -> render());
        render();
    }

    /** The renderer on screen, for tests. */
    Renderer renderer() {
        return renderer;
    }

    BrowserView browser() {
        return browser;
    }

    private Node header() {
        title.getStyleClass().add("artifact-name");
        title.setId("preview-title");
        title.setMinWidth(0);
        ComboBox<FileVersions.Version> versions = new ComboBox<>(model.versions());
        versions.setId("preview-versions");
        versions.setTooltip(new Tooltip("Earlier states of this file, from the checkpoints before each turn"));
        versions.valueProperty().bindBidirectional(model.versionProperty());
        versions.visibleProperty().bind(Bindings.size(model.versions()).greaterThan(1));
        versions.managedProperty().bind(versions.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(4, title, spacer, versions,
                action(Feather.EXTERNAL_LINK, "Open with system app", model::openWithSystemApp),
                action(Feather.FOLDER, "Reveal in folder", model::revealInFolder),
                action(Feather.DOWNLOAD, "Save as…", model::saveAs),
                action(Feather.PAPERCLIP, "Pin to canvas", model::pinSelected));
        bar.getStyleClass().add("preview-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.visibleProperty().bind(model.shownFileProperty().isNotNull());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private Button action(Feather icon, String name, Runnable run) {
        Button button = WebRenderer.iconButton(icon, name, run);
        button.setId("preview-" + name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-")
                .replaceAll("-$", ""));
        return button;
    }

    private void showServers() {
        servers.getChildren().clear();
        for (String url : model.devServers()) {
            Label text = new Label("Dev server running at " + url);
            text.setMinWidth(0);
            Button open = new Button("Open preview", new FontIcon(Feather.PLAY));
            open.getStyleClass().add(Styles.SMALL);
            open.setOnAction(event -> model.openDevServer(url));
            HBox bar = new HBox(8, text, open);
            bar.getStyleClass().add("dev-server-bar");
            servers.getChildren().add(bar);
        }
    }

    /** Puts the right renderer on stage for the shown file (reusing it when only the file's content changed). */
    private void render() {
        String url = model.browserUrlProperty().get();
        if (url != null) {
            dropRenderer();
            if (browser == null) {
                browser = new BrowserView(context);
            }
            stage.getChildren().setAll(browser);
            browser.open(url);
            return;
        }
        if (browser != null) {
            browser.dispose();
            browser = null;
        }
        Path file = model.shownFileProperty().get();
        Artifact artifact = model.selectedProperty().get();
        if (file == null || artifact == null) {
            dropRenderer();
            stage.getChildren().clear();
            title.setText("");
            return;
        }
        title.setText(artifact.name());
        boolean slides = model.asSlidesProperty().get();
        String key = artifact.kind() + (slides ? ":slides" : "") + ":" + artifact.path();
        if (!key.equals(rendererKey)) {
            dropRenderer();
            renderer = Renderers.create(artifact.kind(), slides, context);
            rendererKey = key;
            stage.getChildren().setAll(renderer.node());
        }
        renderer.show(file);
    }

    private void dropRenderer() {
        if (renderer != null) {
            renderer.dispose();
            renderer = null;
            rendererKey = null;
        }
    }

    /** Which renderer shows which kind of file. */
    static final class Renderers {
        private Renderers() {
        }

        static Renderer create(FileKind kind, boolean slides, RenderContext context) {
            if (slides) {
                return new SlidesRenderer(context);
            }
            return switch (kind) {
                case HTML -> new WebRenderer(context, WebRenderer.Mode.HTML);
                case MARKDOWN -> new WebRenderer(context, WebRenderer.Mode.MARKDOWN);
                case SVG -> new WebRenderer(context, WebRenderer.Mode.SVG);
                case IMAGE -> new ImageRenderer(context);
                case CSV -> new TableRenderer(context);
                case JSON -> new JsonRenderer(context);
                case PDF -> new PdfRenderer(context);
                case TEXT -> new TextRenderer(context);
                case BINARY -> new BinaryRenderer(context);
            };
        }
    }
}
