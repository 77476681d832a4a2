package dev.questbench.ui.settings;

import atlantafx.base.theme.Tweaks;
import dev.questbench.ui.common.Command;
import dev.questbench.ui.common.CommandControls;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** Settings → Models: a banner when nothing is configured, the providers on the left, the selected one's form. */
final class ModelsPage extends BorderPane {
    private final ModelsViewModel model;
    private final ListView<ProviderForm> list;

    ModelsPage(ModelsViewModel model) {
        this.model = model;
        setId("settings-models-page");
        getStyleClass().addAll("settings-page", "models-page");
        setTop(banner());
        setBottom(SettingsDialog.problemLabel("models-problem", model.problemProperty()));
        list = new ListView<>(model.providers());
        if (!model.available()) {
            Label unavailable = new Label(ModelsViewModel.UNAVAILABLE);
            unavailable.setId("models-unavailable");
            unavailable.getStyleClass().add("qb-muted");
            unavailable.setWrapText(true);
            setCenter(unavailable);
            return;
        }
        ProviderFormView form = new ProviderFormView(model);
        model.selectedProperty().addListener((observable, before, selected) -> {
            form.show(selected);
            if (list.getSelectionModel().getSelectedItem() != selected) {
                list.getSelectionModel().select(selected);
            }
        });
        form.show(model.selectedProperty().get());
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        setLeft(providerList());
        setCenter(scroll);
    }

    private VBox providerList() {
        list.setId("models-list");
        list.getStyleClass().add("models-list");
        list.setCellFactory(view -> new ProviderCell(model));
        Label none = new Label("No providers yet. Add one, or set OPENAI_API_KEY, ANTHROPIC_API_KEY or "
                + "OLLAMA_HOST before starting Questbench.");
        none.setWrapText(true);
        none.getStyleClass().addAll("qb-subtle", "models-empty");
        list.setPlaceholder(none);
        list.getSelectionModel().selectedItemProperty().addListener((observable, before, item) -> {
            if (item != null) {
                model.selectedProperty().set(item);
            }
        });
        list.getSelectionModel().select(model.selectedProperty().get());
        Button add = CommandControls.button(Command.named("Add").icon(Feather.PLUS).does(model::add));
        add.setId("models-add");
        Button remove = CommandControls.button(Command.named("Remove").icon(Feather.TRASH_2)
                .executableWhen(model.canEditProperty()).does(model::remove));
        remove.setId("models-remove");
        HBox buttons = new HBox(8, add, remove);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(8, list, buttons);
        box.getStyleClass().add("models-sidebar");
        return box;
    }

    private Label banner() {
        Label banner = new Label();
        banner.setId("models-banner");
        banner.getStyleClass().add("models-banner");
        banner.setWrapText(true);
        banner.textProperty().bind(model.bannerProperty());
        banner.visibleProperty().bind(model.bannerProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        banner.setMaxWidth(Double.MAX_VALUE);
        BorderPane.setMargin(banner, new Insets(0, 0, 10, 0));
        return banner;
    }
}
