package dev.questbench.ui.preview;

import java.nio.file.Path;
import javafx.scene.Node;

/**
 * Shows one kind of file in the Preview tab. {@link #show} is called again with the same file when it changes on
 * disk: a renderer keeps its scroll position (and page, slide, zoom) when it can. Everything runs on the FX thread;
 * renderers read files through the task runner.
 */
interface Renderer {

    /** The node to put on screen; the same node for the renderer's whole life. */
    Node node();

    /** Shows the file (again). */
    void show(Path file);

    /** Stops background work and releases what the renderer holds (open files, web pages). */
    default void dispose() {
    }
}
