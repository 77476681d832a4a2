package dev.questbench.ui.preview;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The full-screen window Present opens: the current slide, arrows to move, Escape to leave. */
final class SlidePresenter {
    private final Stage stage = new Stage();
    private final WebView web = new WebView();

    SlidePresenter(Window owner, Runnable next, Runnable previous, Runnable closed) {
        StackPane root = new StackPane(web);
        root.getStyleClass().add("slide-present");
        Scene scene = new Scene(root, 1280, 720);
        scene.setOnKeyPressed(event -> {
            KeyCode code = event.getCode();
            if (code == KeyCode.RIGHT || code == KeyCode.PAGE_DOWN || code == KeyCode.SPACE) {
                next.run();
            } else if (code == KeyCode.LEFT || code == KeyCode.PAGE_UP) {
                previous.run();
            } else if (code == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.initOwner(owner);
        stage.setTitle("Presenting");
        stage.setScene(scene);
        stage.setFullScreenExitHint("Press Esc to stop presenting");
        stage.setOnHidden(event -> {
            web.getEngine().load(null);
            closed.run();
        });
        stage.setFullScreen(true);
        stage.show();
    }

    /** Shows the slide at this address. */
    void show(String url) {
        web.getEngine().load(url);
    }

    void close() {
        stage.close();
    }
}
