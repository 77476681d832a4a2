package dev.questbench.ui.preview;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

/**
 * The frame every renderer shares: a toolbar slot, the content, and a message over it when a file cannot be shown;
 * background loads carry a generation number so a stale result (an older write of the file) is dropped.
 */
abstract class BaseRenderer implements Renderer {
    protected final RenderContext context;
    private final BorderPane root = new BorderPane();
    private final StackPane centre = new StackPane();
    private final Label message = new Label();
    private long generation;
    private boolean disposed;

    BaseRenderer(RenderContext context, Node content) {
        this.context = context;
        root.getStyleClass().add("preview-renderer");
        message.getStyleClass().add("preview-message");
        message.setWrapText(true);
        message.setVisible(false);
        StackPane.setAlignment(message, Pos.CENTER);
        centre.getChildren().addAll(content, message);
        root.setCenter(centre);
    }

    @Override
    public final Node node() {
        return root;
    }

    @Override
    public void dispose() {
        disposed = true;
        generation++;
    }

    /** Puts a toolbar above the content. */
    protected void setToolbar(Node toolbar) {
        toolbar.getStyleClass().add("preview-toolbar");
        root.setTop(toolbar);
    }

    /** Shows a message over the content (null hides it). */
    protected void showMessage(String text) {
        message.setText(text == null ? "" : text);
        message.setVisible(text != null);
    }

    /** Runs {@code work} in the background and hands its result to {@code apply} unless a newer load started. */
    protected <T> void load(Callable<T> work, Consumer<T> apply) {
        long asked = ++generation;
        context.tasks().run(work, result -> {
            if (asked == generation && !disposed) {
                showMessage(null);
                apply.accept(result);
            }
        }, failure -> {
            if (asked == generation && !disposed) {
                showMessage(failure.getMessage() == null ? failure.toString() : failure.getMessage());
            }
        });
    }
}
