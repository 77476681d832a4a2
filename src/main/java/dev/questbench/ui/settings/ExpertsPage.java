package dev.questbench.ui.settings;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Settings → Experts: per-role model and extra instructions for Experts mode, stored with the dialog's Save. */
final class ExpertsPage extends ScrollPane {

    ExpertsPage(ExpertsViewModel model) {
        setId("settings-experts-page");
        getStyleClass().addAll("settings-page", Tweaks.EDGE_TO_EDGE);
        setFitToWidth(true);
        Label heading = new Label("Experts mode");
        heading.getStyleClass().add(Styles.TITLE_4);
        Label about = new Label("The Lead of an Experts-mode quest starts these experts. Leave the model empty to "
                + "use the quest's; extra instructions are added to the role's own. A subagent file named like a "
                + "role (.qoder/agents/QA.md) replaces the role entirely.");
        about.setWrapText(true);
        about.getStyleClass().add(Styles.TEXT_MUTED);
        VBox form = new VBox(10, heading, about, SettingsDialog.problemLabel("experts-problem",
                model.problemProperty()));
        for (String role : model.roles()) {
            String id = role.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-");
            Label name = new Label(role);
            name.getStyleClass().add(Styles.TEXT_BOLD);
            TextField modelField = new TextField();
            modelField.setId("expert-model-" + id);
            modelField.setPromptText("model id (empty: the quest's)");
            modelField.textProperty().bindBidirectional(model.modelProperty(role));
            TextArea prompt = new TextArea();
            prompt.setId("expert-prompt-" + id);
            prompt.setPromptText("extra instructions");
            prompt.setPrefRowCount(2);
            prompt.setWrapText(true);
            prompt.textProperty().bindBidirectional(model.promptProperty(role));
            form.getChildren().addAll(name, modelField, prompt);
        }
        form.getChildren().addAll(sandbox(model));
        form.getStyleClass().add("settings-form");
        setContent(form);
    }

    /** Where experts' commands run before anyone is asked. */
    private static java.util.List<javafx.scene.Node> sandbox(ExpertsViewModel model) {
        Label sandboxName = new Label("Sandbox for experts' commands");
        sandboxName.getStyleClass().add(Styles.TEXT_BOLD);
        Label sandboxAbout = new Label("A command an expert would need your approval for runs in the bubblewrap "
                + "sandbox first; you are asked only when the sandbox is missing or blocks it.");
        sandboxAbout.setWrapText(true);
        sandboxAbout.getStyleClass().add(Styles.TEXT_MUTED);
        TextField program = new TextField();
        program.setId("experts-sandbox-program");
        program.setPromptText("bwrap program (empty: bwrap on the PATH)");
        program.textProperty().bindBidirectional(model.sandboxProgramProperty());
        Label status = new Label();
        status.setId("experts-sandbox-status");
        status.setWrapText(true);
        status.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        status.textProperty().bind(model.sandboxStatusProperty());
        return java.util.List.of(sandboxName, sandboxAbout, program, status);
    }
}
