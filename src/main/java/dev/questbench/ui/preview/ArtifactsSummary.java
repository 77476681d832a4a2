package dev.questbench.ui.preview;

import atlantafx.base.theme.Styles;
import dev.questbench.preview.Artifact;
import dev.questbench.ui.common.Stylesheets;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;

/**
 * The Artifacts section of the Summary tab: the quest's files newest first; a click previews one in the Preview
 * tab, the context menu opens it with the system app, reveals it in its folder or saves a copy.
 */
public final class ArtifactsSummary extends VBox {
    private final ListView<Artifact> list = new ListView<>();

    /** @param showPreview brings the Preview tab to the front */
    public ArtifactsSummary(PreviewViewModel model, Runnable showPreview) {
        super(4);
        setId("summary-artifacts");
        getStyleClass().add("summary-artifacts");
        getStylesheets().add(Stylesheets.of(ArtifactsSummary.class, "preview.css"));
        Label heading = new Label();
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        heading.textProperty().bind(Bindings.size(model.artifacts()).asString("Artifacts (%d)"));
        list.setItems(model.artifacts());
        list.setCellFactory(view -> new ArtifactCell());
        list.getStyleClass().addAll("artifact-list", Styles.DENSE);
        list.setPrefHeight(170);
        list.setOnMouseClicked(event -> {
            Artifact picked = list.getSelectionModel().getSelectedItem();
            if (picked != null && event.getButton() == MouseButton.PRIMARY) {
                model.selectedProperty().set(picked);
                showPreview.run();
            }
        });
        MenuItem preview = new MenuItem("Preview");
        preview.setOnAction(event -> {
            pick(model);
            showPreview.run();
        });
        MenuItem open = new MenuItem("Open with system app");
        open.setOnAction(event -> {
            pick(model);
            model.openWithSystemApp();
        });
        MenuItem reveal = new MenuItem("Reveal in folder");
        reveal.setOnAction(event -> {
            pick(model);
            model.revealInFolder();
        });
        MenuItem save = new MenuItem("Save as…");
        save.setOnAction(event -> {
            pick(model);
            model.saveAs();
        });
        list.setContextMenu(new ContextMenu(preview, open, reveal, save));
        getChildren().addAll(heading, list);
        visibleProperty().bind(Bindings.isNotEmpty(model.artifacts()));
        managedProperty().bind(visibleProperty());
        setStyle("-fx-padding: 8 12 12 12;");
    }

    private void pick(PreviewViewModel model) {
        Artifact picked = list.getSelectionModel().getSelectedItem();
        if (picked != null) {
            model.selectedProperty().set(picked);
        }
    }
}
