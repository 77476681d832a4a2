package dev.questbench.ui.shell;

import atlantafx.base.theme.Styles;
import dev.questbench.ui.common.Command;
import dev.questbench.ui.common.CommandControls;
import dev.questbench.ui.shell.ConnectModelViewModel.State;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Connect a model card of the empty state: the check's outcome, Use Ollama with a model, or the provider form. */
final class ConnectModelCard extends VBox {

    ConnectModelCard(ConnectModelViewModel model, Command setUpModel) {
        super(8);
        setId("connect-model");
        getStyleClass().add("connect-model-card");
        setMaxWidth(480);
        setAlignment(Pos.CENTER_LEFT);
        Label title = new Label("Connect a model", new FontIcon(Feather.CPU));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        Label message = new Label();
        message.setId("connect-model-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        ComboBox<String> models = new ComboBox<>(model.ollamaModels());
        models.setId("connect-model-choice");
        model.ollamaModels().addListener((javafx.collections.ListChangeListener<String>) change ->
                models.getSelectionModel().selectFirst());
        Button use = new Button("Use Ollama");
        use.setId("connect-model-ollama");
        use.getStyleClass().add(Styles.ACCENT);
        use.disableProperty().bind(models.valueProperty().isNull());
        use.setOnAction(event -> model.useOllama(models.getValue()));
        HBox ollama = new HBox(8, models, use);
        ollama.setAlignment(Pos.CENTER_LEFT);
        ollama.visibleProperty().bind(model.stateProperty().isEqualTo(State.OLLAMA_FOUND));
        ollama.managedProperty().bind(ollama.visibleProperty());
        Button form = CommandControls.button(setUpModel);
        form.setId("connect-model-form");
        form.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.stateProperty().get() != State.CONNECTED
                && model.stateProperty().get() != State.CHECKING, model.stateProperty()));
        form.managedProperty().bind(form.visibleProperty());
        getChildren().addAll(title, message, ollama, form);
        model.check();
    }
}
