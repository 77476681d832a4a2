package dev.questbench.ui.settings;

import atlantafx.base.theme.Tweaks;
import dev.questbench.agent.builtin.permission.PermissionRule.Behavior;
import dev.questbench.ui.common.Spinners;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Settings → Agent: the built-in agent's limits, tools, permission rules and hooks for every quest. */
final class AgentPage extends ScrollPane {
    private final AgentViewModel model;

    AgentPage(AgentViewModel model) {
        this.model = model;
        setId("settings-agent-page");
        getStyleClass().addAll("settings-page", Tweaks.EDGE_TO_EDGE);
        setFitToWidth(true);
        VBox form = new VBox(18, turns(), tools(), rules(), hooks(),
                SettingsDialog.problemLabel("agent-problem", model.problemProperty()));
        form.getStyleClass().add("settings-form");
        setContent(form);
    }

    private VBox turns() {
        Spinner<Integer> steps = spinner("agent-step-limit", AgentViewModel.MAX_STEP_LIMIT,
                model.stepLimitProperty());
        return section("Turns", row("Step limit per turn", steps,
                "Model calls one turn may make before it stops with a note."));
    }

    private VBox tools() {
        CheckBox network = new CheckBox("Network access for WebFetch");
        network.setId("agent-network");
        network.selectedProperty().bindBidirectional(model.networkProperty());
        CheckBox sandbox = new CheckBox("Run commands in a bubblewrap sandbox");
        sandbox.setId("agent-sandbox");
        sandbox.selectedProperty().bindBidirectional(model.sandboxProperty());
        Label status = hint("");
        status.setId("agent-sandbox-status");
        status.textProperty().bind(model.sandboxStatusProperty());
        status.getStyleClass().add("indented");
        return section("Tools", network, sandbox, status);
    }

    private VBox rules() {
        HBox lists = new HBox(10);
        for (Behavior behavior : new Behavior[] {Behavior.ALLOW, Behavior.ASK, Behavior.DENY}) {
            lists.getChildren().add(ruleList(behavior));
        }
        Label syntax = hint("One rule per line in Tool(pattern) form, e.g. Bash(npm run test:*), Edit(/src/**), "
                + "WebFetch(domain:example.com), or a bare tool name. Deny wins over Ask, Ask over Allow.");
        Label sources = hint(AgentViewModel.OTHER_SOURCES);
        sources.setId("agent-rule-sources");
        return section("Permission rules for every quest", syntax, lists, sources);
    }

    private VBox ruleList(Behavior behavior) {
        String name = behavior.name().toLowerCase(Locale.ROOT);
        Label title = new Label(AgentViewModel.label(behavior));
        title.getStyleClass().add("field-label");
        TextArea rules = new TextArea();
        rules.setId("agent-rules-" + name);
        rules.getStyleClass().add("mono-area");
        rules.setPrefRowCount(5);
        rules.setPromptText(switch (behavior) {
            case ALLOW -> "e.g. Bash(npm run test:*)";
            case ASK -> "e.g. Bash(git push:*)";
            case DENY -> "e.g. Read(./.env)";
        });
        rules.textProperty().bindBidirectional(model.rulesProperty(behavior));
        VBox box = new VBox(4, title, rules, error("agent-rules-" + name + "-error",
                model.rulesErrorProperty(behavior)));
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setPrefWidth(0); // three equal columns
        return box;
    }

    private VBox hooks() {
        TextArea hooks = new TextArea();
        hooks.setId("agent-hooks");
        hooks.getStyleClass().add("mono-area");
        hooks.setPrefRowCount(7);
        hooks.setPromptText("e.g. {\"PostToolUse\": [{\"matcher\": \"Edit|Write\", \"hooks\": "
                + "[{\"type\": \"command\", \"command\": \"npm run lint\"}]}]}");
        hooks.textProperty().bindBidirectional(model.hooksProperty());
        Spinner<Integer> timeout = spinner("agent-hook-timeout", AgentViewModel.MAX_HOOK_TIMEOUT,
                model.hookTimeoutProperty());
        return section("Hooks for every quest",
                hint("JSON in the format of \"hooks\" in .qoder/settings.json; leave empty for none."), hooks,
                error("agent-hooks-error", model.hooksErrorProperty()),
                row("Hook timeout", timeout, "Seconds a hook may run when its entry names no timeout."));
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
        Label title = new Label(label);
        title.getStyleClass().add("field-label");
        HBox row = new HBox(title, field, hint(hint));
        row.getStyleClass().add("form-row");
        return row;
    }

    private static Spinner<Integer> spinner(String id, int max, ObjectProperty<Integer> value) {
        Spinner<Integer> spinner = new Spinner<>(1, max, value.get() == null ? 1 : value.get());
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

    private static Label error(String id, ReadOnlyStringProperty message) {
        Label error = new Label();
        error.setId(id);
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(message);
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }
}
