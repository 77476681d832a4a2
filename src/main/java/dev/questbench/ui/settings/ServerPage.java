package dev.questbench.ui.settings;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Settings → Server: status, base URL and bearer token of the local agent server, with Start/Stop, Copy, Rotate. */
final class ServerPage extends ScrollPane {
    private final ServerViewModel model;

    ServerPage(ServerViewModel model) {
        this.model = model;
        setId("settings-server-page");
        getStyleClass().addAll("settings-page", Tweaks.EDGE_TO_EDGE);
        setFitToWidth(true);
        VBox form = new VBox(18, status(), access(),
                SettingsDialog.problemLabel("server-problem", model.problemProperty()));
        form.getStyleClass().add("settings-form");
        setContent(form);
    }

    private VBox status() {
        Label status = WorktreesPage.hint("");
        status.setId("server-status");
        status.textProperty().bind(model.statusProperty());
        Button start = new Button("Start", new FontIcon(Feather.PLAY));
        start.setId("server-start");
        start.getStyleClass().add(Styles.ACCENT);
        start.setOnAction(event -> model.start());
        start.disableProperty().bind(model.runningProperty().or(model.busyProperty()));
        Button stop = new Button("Stop", new FontIcon(Feather.SQUARE));
        stop.setId("server-stop");
        stop.setOnAction(event -> model.stop());
        stop.disableProperty().bind(model.runningProperty().not().or(model.busyProperty()));
        return WorktreesPage.section("Local agent server", status, new HBox(8, start, stop));
    }

    private VBox access() {
        TextField url = new TextField();
        url.setId("server-url");
        url.setEditable(false);
        url.setPromptText("Not running");
        url.textProperty().bind(model.baseUrlProperty());
        HBox.setHgrow(url, Priority.ALWAYS);
        Label urlTitle = new Label("Base URL");
        urlTitle.getStyleClass().add("field-label");
        HBox urlRow = new HBox(urlTitle, url);
        urlRow.getStyleClass().add("form-row");

        PasswordField token = new PasswordField();
        token.setId("server-token");
        token.setEditable(false);
        token.textProperty().bind(model.tokenProperty());
        HBox.setHgrow(token, Priority.ALWAYS);
        Button copy = new Button("Copy", new FontIcon(Feather.COPY));
        copy.setId("server-copy-token");
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.tokenProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        copy.disableProperty().bind(model.tokenProperty().isEmpty());
        Button rotate = new Button("Rotate", new FontIcon(Feather.REFRESH_CW));
        rotate.setId("server-rotate-token");
        rotate.setOnAction(event -> model.rotate());
        rotate.disableProperty().bind(model.busyProperty());
        Label tokenTitle = new Label("Bearer token");
        tokenTitle.getStyleClass().add("field-label");
        HBox tokenRow = new HBox(tokenTitle, token, copy, rotate);
        tokenRow.getStyleClass().add("form-row");
        return WorktreesPage.section("Access", urlRow, tokenRow, WorktreesPage.hint("Every request needs "
                + "Authorization: Bearer <token>. Rotate makes a new one; clients holding the old one get 401."));
    }
}
