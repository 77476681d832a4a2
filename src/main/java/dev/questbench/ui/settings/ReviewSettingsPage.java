package dev.questbench.ui.settings;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Settings → Review: the Qodo Merge server that the Review tab's external review sends changes to. */
final class ReviewSettingsPage extends ScrollPane {

    ReviewSettingsPage(ReviewSettingsViewModel model) {
        setId("settings-review-page");
        getStyleClass().addAll("settings-page", Tweaks.EDGE_TO_EDGE);
        setFitToWidth(true);
        Label heading = new Label("External reviewer (Qodo Merge)");
        heading.getStyleClass().add(Styles.TITLE_4);
        Label about = new Label("The Review tab's shield button sends the changed files' before and after contents to "
                + "this server's /api/v1/qm_diff endpoint; its suggestions show in the diff's gutter.");
        about.setWrapText(true);
        about.getStyleClass().add(Styles.TEXT_MUTED);
        TextField url = new TextField();
        url.setId("review-settings-url");
        url.setPromptText("https://qodo-merge.example.com");
        url.textProperty().bindBidirectional(model.baseUrlProperty());
        PasswordField key = new PasswordField();
        key.setId("review-settings-key");
        key.textProperty().bindBidirectional(model.apiKeyProperty());
        key.promptTextProperty().bind(javafx.beans.binding.Bindings.when(model.keySavedProperty())
                .then("saved — type to replace").otherwise("API key"));
        HBox.setHgrow(key, Priority.ALWAYS);
        Button remove = new Button("Remove key");
        remove.setId("review-settings-remove-key");
        remove.disableProperty().bind(model.keySavedProperty().not());
        remove.setOnAction(event -> model.removeKey());
        Label keyNote = new Label("The key is kept in secrets.json in the data folder (readable only by you), never "
                + "in the settings file or logs.");
        keyNote.setWrapText(true);
        keyNote.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox form = new VBox(10, heading, about, new Label("Server URL"), url, new Label("API key (X-API-Key)"),
                new HBox(8, key, remove), keyNote, SettingsDialog.problemLabel("review-settings-problem",
                model.problemProperty()));
        form.getStyleClass().add("settings-form");
        setContent(form);
    }
}
