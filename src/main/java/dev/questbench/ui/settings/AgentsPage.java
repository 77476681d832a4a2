package dev.questbench.ui.settings;

import atlantafx.base.theme.Tweaks;
import dev.questbench.ui.common.Spinners;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Settings → Agents: the ACP agents (a list and a form for the selected one), timeouts, Cloud and webhook agents. */
final class AgentsPage extends ScrollPane {
    private final AgentsViewModel model;

    AgentsPage(AgentsViewModel model) {
        this.model = model;
        setId("settings-agents-page");
        getStyleClass().addAll("settings-page", Tweaks.EDGE_TO_EDGE);
        setFitToWidth(true);
        VBox form = new VBox(18, presets(), timeouts(), cloud(), webhooks(),
                SettingsDialog.problemLabel("agents-problem", model.problemProperty()));
        form.getStyleClass().add("settings-form");
        setContent(form);
    }

    private VBox presets() {
        ListView<String> list = new ListView<>(model.names());
        list.setId("agents-list");
        list.setPrefWidth(180);
        list.setPrefHeight(220);
        list.getSelectionModel().selectedIndexProperty().addListener((observable, before, now) ->
                model.selectedProperty().set(now.intValue()));
        model.selectedProperty().addListener((observable, before, now) -> {
            if (list.getSelectionModel().getSelectedIndex() != now.intValue()) {
                list.getSelectionModel().select(now.intValue());
            }
        });
        Button add = new Button("Add");
        add.setId("agents-add");
        add.setOnAction(event -> model.add());
        Button remove = new Button("Remove");
        remove.setId("agents-remove");
        remove.setOnAction(event -> model.remove());
        Button reset = new Button("Reset to defaults");
        reset.setId("agents-reset");
        reset.setOnAction(event -> model.resetToDefaults());
        VBox left = new VBox(6, list, new HBox(6, add, remove), reset);

        TextField name = field("agents-name", model.nameProperty().get());
        name.textProperty().bindBidirectional(model.nameProperty());
        TextField command = field("agents-command", "");
        command.setPromptText("e.g. gemini --experimental-acp");
        command.textProperty().bindBidirectional(model.commandProperty());
        TextArea env = new TextArea();
        env.setId("agents-env");
        env.getStyleClass().add("mono-area");
        env.setPrefRowCount(3);
        env.setPromptText("NAME=value, one per line (e.g. QODER_PERSONAL_ACCESS_TOKEN=pt-…)");
        env.textProperty().bindBidirectional(model.environmentProperty());
        TextField folder = field("agents-folder", "");
        folder.setPromptText("blank: the quest's folder");
        folder.textProperty().bindBidirectional(model.folderProperty());
        VBox right = new VBox(6, label("Name"), name, label("Command line"), command, label("Environment"), env,
                label("Start in folder"), folder);
        HBox.setHgrow(right, Priority.ALWAYS);
        return section("ACP agents", hint("Agents that speak the Agent Client Protocol over stdio. A quest picks one "
                + "in New Quest; the command line uses questbench run --agent NAME."), new HBox(12, left, right));
    }

    private VBox timeouts() {
        return section("Timeouts",
                row("Start timeout", spinner("agents-start-timeout", model.startTimeoutProperty()),
                        "Seconds an agent may take to start and open its session (npx may download first)."),
                row("Idle timeout", spinner("agents-idle-timeout", model.idleTimeoutProperty()),
                        "Seconds a running turn may go without a word from the agent before it counts as hung."));
    }

    private VBox cloud() {
        RemoteAgentsForm remote = model.remote();
        TextField url = field("agents-cloud-url", "");
        url.textProperty().bindBidirectional(remote.cloudUrlProperty());
        PasswordField token = new PasswordField();
        token.setId("agents-cloud-token");
        token.textProperty().bindBidirectional(remote.cloudTokenProperty());
        token.promptTextProperty().bind(Bindings.when(remote.tokenStoredProperty())
                .then("stored — type a new one to replace it").otherwise("pt-… (personal access token)"));
        token.setDisable(!model.canStoreToken());
        TextField agent = field("agents-cloud-agent", "");
        agent.setPromptText("blank: created on first use");
        agent.textProperty().bindBidirectional(remote.cloudAgentProperty());
        TextField environment = field("agents-cloud-environment", "");
        environment.setPromptText("blank: the first one, or a new one");
        environment.textProperty().bindBidirectional(remote.cloudEnvironmentProperty());
        return section("Cloud Agents", hint("Quests on the Cloud Agents agent run as remote sessions. The token is "
                + "kept in the secrets file (or set QODER_PERSONAL_ACCESS_TOKEN)."), label("Base URL"), url,
                label("Personal access token"), token, label("Agent id"), agent, label("Environment id"), environment);
    }

    private VBox webhooks() {
        TextArea json = new TextArea();
        json.setId("agents-webhooks");
        json.getStyleClass().add("mono-area");
        json.setPrefRowCount(6);
        json.textProperty().bindBidirectional(model.remote().webhooksProperty());
        return section("Webhook agents", hint("Qodo-style webhook commands (qodo --webhook), as a JSON array of "
                + "{\"name\", \"baseUrl\", \"command\", \"arguments\", \"messageArgument\"}: the quest's message "
                + "goes into messageArgument, or is the arguments when it is a JSON object."), json);
    }

    private static TextField field(String id, String text) {
        TextField field = new TextField(text);
        field.setId(id);
        return field;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        return label;
    }

    private static VBox section(String title, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
        VBox section = new VBox(8, heading);
        section.getChildren().addAll(content);
        section.getStyleClass().add("section");
        return section;
    }

    private static HBox row(String label, Node field, String hint) {
        HBox row = new HBox(label(label), field, hint(hint));
        row.getStyleClass().add("form-row");
        return row;
    }

    private static Spinner<Integer> spinner(String id, ObjectProperty<Integer> value) {
        Spinner<Integer> spinner = new Spinner<>(1, AgentsViewModel.MAX_TIMEOUT, value.get() == null ? 1 : value.get());
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(110);
        Spinners.bind(spinner, value);
        return spinner;
    }

    private static Label hint(String text) {
        Label hint = new Label(text);
        hint.getStyleClass().add("field-hint");
        hint.setWrapText(true);
        return hint;
    }
}
