package dev.questbench.ui.settings;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Settings → MCP: the servers with Test, Sign in / Sign out, an on/off and a shared switch, and a line to add one.
 * Edits are stored with the dialog's Save.
 */
final class McpPage extends ScrollPane {
    private final McpViewModel model;
    private final VBox list = new VBox(8);

    McpPage(McpViewModel model) {
        this.model = model;
        setId("settings-mcp-page");
        getStyleClass().addAll("settings-page", Tweaks.EDGE_TO_EDGE);
        setFitToWidth(true);
        Label heading = new Label("MCP servers");
        heading.getStyleClass().add(Styles.TITLE_4);
        Label about = new Label("Servers here apply to every quest of the built-in agent; a workspace's .mcp.json "
                + "adds its own (and wins a name clash). Their tools appear as mcp__<server>__<tool> under the same "
                + "permission rules, and their resources are read with ListMcpResourcesTool and ReadMcpResourceTool. "
                + "A shared server is started once for all quests; others start with each quest. New quests pick up "
                + "changes after Save. Sign-in tokens are kept in secrets.json.");
        about.setWrapText(true);
        about.getStyleClass().add(Styles.TEXT_MUTED);
        list.setId("mcp-list");
        model.rows().addListener((ListChangeListener<McpViewModel.Row>) change -> render());
        render();
        TextField name = new TextField();
        name.setId("mcp-add-name");
        name.setPromptText("name");
        name.setPrefColumnCount(8);
        TextField target = new TextField();
        target.setId("mcp-add-target");
        target.setPromptText("npx -y @modelcontextprotocol/server-filesystem .   or   https://…/mcp   or   "
                + "sse https://…/sse");
        HBox.setHgrow(target, Priority.ALWAYS);
        Button add = new Button("Add");
        add.setId("mcp-add");
        add.setOnAction(event -> {
            model.add(name.getText(), target.getText());
            name.clear();
            target.clear();
        });
        VBox form = new VBox(10, heading, about, list, new HBox(8, name, target, add),
                SettingsDialog.problemLabel("mcp-problem", model.problemProperty()));
        form.getStyleClass().add("settings-form");
        setContent(form);
    }

    private void render() {
        list.getChildren().clear();
        if (model.rows().isEmpty()) {
            Label none = new Label("No MCP servers configured.");
            none.getStyleClass().add(Styles.TEXT_MUTED);
            list.getChildren().add(none);
            return;
        }
        for (McpViewModel.Row row : model.rows()) {
            Label name = new Label(row.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label target = new Label(row.target() + " · " + row.source());
            target.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            Label status = new Label(row.status());
            status.setId("mcp-status-" + row.name());
            status.setWrapText(true);
            VBox text = new VBox(2, name, target, status);
            HBox.setHgrow(text, Priority.ALWAYS);
            Button test = new Button("Test");
            test.setId("mcp-test-" + row.name());
            test.setDisable(!row.enabled());
            test.setOnAction(event -> model.test(row.name()));
            HBox line = new HBox(8, text, test);
            if (row.http() && (row.needsAuth() || row.signedIn())) {
                Button sign = new Button(row.signedIn() ? "Sign out" : "Sign in");
                sign.setId("mcp-sign-" + row.name());
                sign.setOnAction(event -> {
                    if (row.signedIn()) {
                        model.signOut(row.name());
                    } else {
                        model.signIn(row.name());
                    }
                });
                line.getChildren().add(sign);
            }
            if (row.editable()) {
                ToggleSwitch shared = new ToggleSwitch("Shared");
                shared.setId("mcp-shared-" + row.name());
                shared.setSelected(row.shared());
                shared.selectedProperty().addListener((observable, was, now) -> model.setShared(row.name(), now));
                ToggleSwitch toggle = new ToggleSwitch();
                toggle.setId("mcp-toggle-" + row.name());
                toggle.setSelected(row.enabled());
                toggle.selectedProperty().addListener((observable, was, now) -> model.setEnabled(row.name(), now));
                Button remove = new Button("Remove");
                remove.setOnAction(event -> model.remove(row.name()));
                line.getChildren().addAll(shared, toggle, remove);
            }
            list.getChildren().add(line);
        }
    }
}
