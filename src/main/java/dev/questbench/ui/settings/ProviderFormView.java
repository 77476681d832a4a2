package dev.questbench.ui.settings;

import atlantafx.base.theme.Styles;
import dev.questbench.llm.ProviderKind;
import dev.questbench.ui.common.Command;
import dev.questbench.ui.common.CommandControls;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.Property;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

/** The selected provider's fields on the Models page, with Make default, Test connection and List models. */
final class ProviderFormView extends VBox {
    private static final PseudoClass OK = PseudoClass.getPseudoClass("ok");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final TextField name = field("provider-name", "e.g. ollama or work-vllm");
    private final ComboBox<ProviderKind> kind = new ComboBox<>();
    private final TextField baseUrl = field("provider-base-url", "https://api.example.com/v1");
    private final MenuButton presets = new MenuButton("Presets");
    private final PasswordField key = new PasswordField();
    private final Label keyStatus = new Label();
    private final Button clearKey = new Button("Clear Saved Key");
    private final TextField keyVariable = field("provider-key-env",
            "or read it from a variable, e.g. OPENROUTER_API_KEY");
    private final ComboBox<String> model = new ComboBox<>();
    private final TextField contextWindow = field("provider-context-window", "0");
    private final TextArea headers = new TextArea();
    private final Label nameError = error();
    private final Label baseUrlError = error();
    private final Label keyVariableError = error();
    private final Label contextWindowError = error();
    private final Label headersError = error();
    private final Label environmentNote = new Label("From the environment: read-only here. Add a provider with the "
            + "same name to override it.");
    private final ProgressIndicator progress = new ProgressIndicator();
    private final Label checkStatus = new Label();
    private final BooleanProperty readOnly = new SimpleBooleanProperty(this, "readOnly");
    private final List<Runnable> unbinders = new ArrayList<>();
    private ProviderForm shown;

    ProviderFormView(ModelsViewModel model) {
        getStyleClass().addAll("settings-form", "provider-form");
        setSpacing(10);
        setFillWidth(true);
        prepareInputs();
        getChildren().addAll(environmentNote, grid(), actions(model), status());
    }

    /** Shows a provider's values, bound both ways; null hides the form. */
    void show(ProviderForm form) {
        unbinders.forEach(Runnable::run);
        unbinders.clear();
        model.setValue(null);
        shown = form;
        setVisible(form != null); // nothing to edit: the list's placeholder says what to do
        if (form == null) {
            List.of(name, baseUrl, key, keyVariable, contextWindow).forEach(TextField::clear);
            headers.clear();
            model.setItems(null);
            return;
        }
        readOnly.set(form.fromEnvironment());
        model.setItems(form.models());
        both(name.textProperty(), form.nameProperty());
        both(kind.valueProperty(), form.kindProperty());
        both(baseUrl.textProperty(), form.baseUrlProperty());
        both(key.textProperty(), form.newKeyProperty());
        both(keyVariable.textProperty(), form.apiKeyEnvProperty());
        both(model.getEditor().textProperty(), form.modelProperty());
        both(contextWindow.textProperty(), form.contextWindowProperty());
        both(headers.textProperty(), form.headersProperty());
        oneWay(keyStatus.textProperty(), form.keyStatusProperty());
        oneWay(nameError.textProperty(), form.nameErrorProperty());
        oneWay(baseUrlError.textProperty(), form.baseUrlErrorProperty());
        oneWay(keyVariableError.textProperty(), form.apiKeyEnvErrorProperty());
        oneWay(contextWindowError.textProperty(), form.contextWindowErrorProperty());
        oneWay(headersError.textProperty(), form.headersErrorProperty());
        oneWay(checkStatus.textProperty(), form.checkMessageProperty());
        oneWay(progress.visibleProperty(), form.busyProperty());
        oneWay(clearKey.disableProperty(), readOnly.or(form.keyStoredProperty().not()
                .or(form.keyClearedProperty())));
        ChangeListener<ProviderForm.Check> check = (observable, before, now) -> showCheck(now);
        form.checkProperty().addListener(check);
        unbinders.add(() -> form.checkProperty().removeListener(check));
        showCheck(form.checkProperty().get());
        presets.getItems().forEach(item -> item.setOnAction(event ->
                form.applyPreset((ProviderPreset) item.getUserData())));
    }

    private void prepareInputs() {
        kind.setId("provider-kind");
        kind.getItems().setAll(ProviderKind.values());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ProviderKind value) {
                return value == null ? "" : ProviderPreset.describe(value);
            }

            @Override
            public ProviderKind fromString(String text) {
                return null;
            }
        });
        presets.setId("provider-presets");
        for (ProviderPreset preset : ProviderPreset.values()) {
            MenuItem item = new MenuItem(preset.label() + "  —  " + preset.baseUrl());
            item.setUserData(preset);
            presets.getItems().add(item);
        }
        key.setId("provider-key");
        key.setPromptText("paste a key (saved in the secrets file, never shown again)");
        keyStatus.setId("provider-key-status");
        keyStatus.getStyleClass().add("field-hint");
        clearKey.setId("provider-clear-key");
        clearKey.getStyleClass().add(Styles.SMALL);
        clearKey.setOnAction(event -> {
            if (shown != null) {
                shown.clearKey();
            }
        });
        model.setId("provider-model");
        model.setEditable(true);
        model.setPromptText("e.g. llama3.1 (List Models fills the choices)");
        model.setMaxWidth(Double.MAX_VALUE);
        headers.setId("provider-headers");
        headers.setPromptText("One per line, e.g. HTTP-Referer: https://example.com");
        headers.setPrefRowCount(3);
        headers.getStyleClass().add("mono-area");
        environmentNote.setId("provider-environment-note");
        environmentNote.getStyleClass().add("environment-note");
        environmentNote.setWrapText(true);
        environmentNote.visibleProperty().bind(readOnly);
        environmentNote.managedProperty().bind(readOnly);
        for (TextField field : List.of(name, baseUrl, keyVariable, contextWindow)) {
            field.editableProperty().bind(readOnly.not());
        }
        headers.editableProperty().bind(readOnly.not());
        for (Node input : List.of(kind, presets, key, model)) {
            input.disableProperty().bind(readOnly);
        }
    }

    private GridPane grid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("provider-grid");
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints(130);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().setAll(labels, fields);
        HBox.setHgrow(baseUrl, Priority.ALWAYS);
        HBox.setHgrow(key, Priority.ALWAYS);
        HBox keyRow = new HBox(8, key, clearKey);
        keyRow.setAlignment(Pos.CENTER_LEFT);
        Label windowHint = new Label("tokens; 0 = unknown (a safe default applies)");
        windowHint.getStyleClass().add("field-hint");
        contextWindow.setPrefColumnCount(9);
        HBox windowRow = new HBox(8, contextWindow, windowHint);
        windowRow.setAlignment(Pos.CENTER_LEFT);
        HBox urlRow = new HBox(8, baseUrl, presets);
        urlRow.setAlignment(Pos.CENTER_LEFT);
        int row = 0;
        row = add(grid, row, "Name", name, nameError);
        row = add(grid, row, "Kind", kind, null);
        row = add(grid, row, "Base URL", urlRow, baseUrlError);
        row = add(grid, row, "API key", new VBox(4, keyRow, keyStatus), null);
        row = add(grid, row, "Key variable", keyVariable, keyVariableError);
        row = add(grid, row, "Default model", model, null);
        row = add(grid, row, "Context window", windowRow, contextWindowError);
        add(grid, row, "Extra headers", headers, headersError);
        return grid;
    }

    private HBox actions(ModelsViewModel models) {
        Button makeDefault = CommandControls.button(Command.named("Make Default").icon(Feather.STAR)
                .executableWhen(models.canMakeDefaultProperty()).does(models::makeDefault));
        makeDefault.setId("provider-make-default");
        Button test = CommandControls.button(Command.named("Test Connection").icon(Feather.ZAP)
                .executableWhen(models.canCheckProperty()).does(models::testConnection));
        test.setId("provider-test");
        Button list = CommandControls.button(Command.named("List Models").icon(Feather.LIST)
                .executableWhen(models.canCheckProperty()).does(models::listModels));
        list.setId("provider-list-models");
        HBox actions = new HBox(8, makeDefault, test, list);
        actions.setAlignment(Pos.CENTER_LEFT);
        return actions;
    }

    private HBox status() {
        progress.setId("provider-check-progress");
        progress.getStyleClass().add("check-progress");
        progress.setPrefSize(16, 16);
        progress.setMaxSize(16, 16);
        progress.setVisible(false);
        progress.managedProperty().bind(progress.visibleProperty());
        checkStatus.setId("provider-check");
        checkStatus.getStyleClass().add("check-status");
        checkStatus.setWrapText(true);
        HBox status = new HBox(8, progress, checkStatus);
        status.setAlignment(Pos.TOP_LEFT);
        return status;
    }

    private void showCheck(ProviderForm.Check check) {
        checkStatus.pseudoClassStateChanged(OK, check == ProviderForm.Check.OK);
        checkStatus.pseudoClassStateChanged(FAILED, check == ProviderForm.Check.FAILED);
    }

    private <T> void both(Property<T> field, Property<T> value) {
        field.bindBidirectional(value);
        unbinders.add(() -> field.unbindBidirectional(value));
    }

    private <T> void oneWay(Property<T> target, ObservableValue<? extends T> source) {
        target.bind(source);
        unbinders.add(target::unbind);
    }

    private static int add(GridPane grid, int row, String label, Node field, Label error) {
        Label title = new Label(label);
        title.getStyleClass().add("field-label");
        GridPane.setValignment(title, VPos.TOP);
        VBox cell = error == null ? new VBox(field) : new VBox(4, field, error);
        grid.add(title, 0, row);
        grid.add(cell, 1, row);
        return row + 1;
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    private static Label error() {
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }
}
