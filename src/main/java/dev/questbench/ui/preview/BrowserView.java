package dev.questbench.ui.preview;

import dev.questbench.preview.DevServers;
import java.net.URI;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.web.WebHistory;
import javafx.scene.web.WebView;
import org.kordamp.ikonli.feather.Feather;

/**
 * A small browser for a quest's dev server: address bar, back, forward, reload and Open in browser. Only loopback
 * addresses load inside; any other address opens in the system browser instead.
 */
final class BrowserView extends BorderPane {
    private final RenderContext context;
    private final WebView web = new WebView();
    private final TextField address = new TextField();
    private final Label message = new Label();

    BrowserView(RenderContext context) {
        this.context = context;
        getStyleClass().add("preview-browser");
        address.setId("browser-address");
        HBox.setHgrow(address, Priority.ALWAYS);
        address.setOnAction(event -> open(address.getText().strip()));
        WebHistory history = web.getEngine().getHistory();
        Button back = WebRenderer.iconButton(Feather.ARROW_LEFT, "Back", () -> go(-1));
        Button forward = WebRenderer.iconButton(Feather.ARROW_RIGHT, "Forward", () -> go(1));
        back.disableProperty().bind(history.currentIndexProperty().lessThanOrEqualTo(0));
        forward.disableProperty().bind(history.currentIndexProperty().greaterThanOrEqualTo(
                javafx.beans.binding.Bindings.size(history.getEntries()).subtract(1)));
        HBox bar = new HBox(4, back, forward, WebRenderer.iconButton(Feather.ROTATE_CW, "Reload",
                () -> web.getEngine().reload()), address, WebRenderer.iconButton(Feather.EXTERNAL_LINK,
                "Open in browser", () -> browse(web.getEngine().getLocation())));
        bar.getStyleClass().add("preview-toolbar");
        message.getStyleClass().add("artifact-facts");
        message.setId("browser-message");
        message.managedProperty().bind(message.visibleProperty());
        message.setVisible(false);
        setTop(new VBox(bar, message));
        setCenter(web);
        web.setId("browser-web");
        web.getEngine().locationProperty().addListener((observable, before, location) -> {
            address.setText(location);
            if (location != null && !location.isEmpty() && !DevServers.isLoopback(location)
                    && location.matches("(?i)(https?|ftp):.*")) {
                Platform.runLater(() -> {
                    web.getEngine().getLoadWorker().cancel();
                    say(location + " is not on this machine: it opened in your browser.");
                    browse(location);
                });
            }
        });
    }

    WebView webView() {
        return web;
    }

    /** Loads a loopback URL; others are refused with a message. */
    void open(String url) {
        String full = url.matches("(?i)[a-z]+://.*") ? url : "http://" + url;
        if (!DevServers.isLoopback(full)) {
            say("Only addresses on this machine (localhost, 127.0.0.1) open here. Use Open in browser for "
                    + url + ".");
            return;
        }
        message.setVisible(false);
        web.getEngine().load(full);
    }

    void dispose() {
        web.getEngine().load(null);
    }

    private void go(int offset) {
        WebHistory history = web.getEngine().getHistory();
        int target = history.getCurrentIndex() + offset;
        if (target >= 0 && target < history.getEntries().size()) {
            history.go(offset);
        }
    }

    private void say(String text) {
        message.setText(text);
        message.setVisible(true);
    }

    private void browse(String location) {
        if (location == null || location.isEmpty()) {
            return;
        }
        context.tasks().run(() -> context.apps().browse(URI.create(location)), failure -> say(failure.getMessage()));
    }
}
