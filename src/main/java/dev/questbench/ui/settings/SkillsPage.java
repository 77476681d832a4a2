package dev.questbench.ui.settings;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Settings → Skills: one row per skill with its source and folder, and a switch stored with the dialog's Save. */
final class SkillsPage extends ScrollPane {
    private final SkillsViewModel model;
    private final VBox list = new VBox(8);

    SkillsPage(SkillsViewModel model) {
        this.model = model;
        setId("settings-skills-page");
        getStyleClass().addAll("settings-page", Tweaks.EDGE_TO_EDGE);
        setFitToWidth(true);
        Label heading = new Label("Skills");
        heading.getStyleClass().add(Styles.TITLE_4);
        Label about = new Label("Folders with a SKILL.md in a workspace's .qoder/skills or .claude/skills, or in "
                + "~/.qoder/skills. The built-in agent sees each enabled skill's name and description and loads its "
                + "instructions when a task matches; type /name in the composer to use one directly. New quests "
                + "pick up changes.");
        about.setWrapText(true);
        about.getStyleClass().add(Styles.TEXT_MUTED);
        list.setId("skills-list");
        model.rows().addListener((ListChangeListener<SkillsViewModel.Row>) change -> render());
        render();
        VBox form = new VBox(10, heading, about, list,
                SettingsDialog.problemLabel("skills-problem", model.problemProperty()));
        form.getStyleClass().add("settings-form");
        setContent(form);
    }

    private void render() {
        list.getChildren().clear();
        if (model.rows().isEmpty()) {
            Label none = new Label("No skills found.");
            none.getStyleClass().add(Styles.TEXT_MUTED);
            list.getChildren().add(none);
            return;
        }
        for (SkillsViewModel.Row row : model.rows()) {
            Label name = new Label("/" + row.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label description = new Label(row.description());
            description.setWrapText(true);
            Label source = new Label(row.source() + " · " + row.folder());
            source.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            VBox text = new VBox(2, name, description, source);
            HBox.setHgrow(text, Priority.ALWAYS);
            ToggleSwitch toggle = new ToggleSwitch();
            toggle.setId("skill-toggle-" + row.name());
            toggle.setSelected(row.enabled());
            toggle.selectedProperty().addListener((observable, was, now) -> model.setEnabled(row.name(), now));
            list.getChildren().add(new HBox(12, text, toggle));
        }
    }
}
