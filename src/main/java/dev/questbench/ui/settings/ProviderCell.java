package dev.questbench.ui.settings;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;

/** A row in the Models page's provider list: the name, and whether it is the default or from the environment. */
final class ProviderCell extends ListCell<ProviderForm> {
    private final ModelsViewModel model;
    private final Label name = new Label();
    private final Label detail = new Label();
    private final VBox box = new VBox(2, name, detail);

    ProviderCell(ModelsViewModel model) {
        this.model = model;
        getStyleClass().add("provider-row");
        name.getStyleClass().add("provider-row-name");
        detail.getStyleClass().add("provider-row-detail");
    }

    @Override
    protected void updateItem(ProviderForm item, boolean empty) {
        super.updateItem(item, empty);
        name.textProperty().unbind();
        detail.textProperty().unbind();
        if (empty || item == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        name.textProperty().bind(item.nameProperty());
        detail.textProperty().bind(Bindings.createStringBinding(() -> {
            String text = item.fromEnvironment() ? "from the environment"
                    : ProviderPreset.describe(item.kindProperty().get());
            return model.usedByDefaultProperty().get() == item ? "default · " + text : text;
        }, item.kindProperty(), model.usedByDefaultProperty()));
        setText(null);
        setGraphic(box);
    }
}
