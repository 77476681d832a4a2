package dev.questbench.app;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

/**
 * {@code --self-test}: the real desktop start on a temporary store, then one rendered frame checked (a sized,
 * non-blank window), a line on stdout, and exit. CI runs it on the built app-image.
 */
final class SelfTest {
    private SelfTest() {
    }

    /** After the first frame: snapshots the scene, reports, sets {@code status} and exits the toolkit. */
    static void afterFirstFrame(Scene scene, Path dataDir, AtomicInteger status) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < 3) {
                    return; // the second pulse after show() comes once the first frame was rendered
                }
                stop();
                String problem = check(scene);
                if (problem == null) {
                    System.out.println("questbench self-test: ok, the main window rendered at "
                            + (int) scene.getWidth() + "×" + (int) scene.getHeight() + " on a store in " + dataDir);
                    status.set(0);
                } else {
                    System.err.println("questbench self-test: failed: " + problem);
                    status.set(1);
                }
                Platform.exit();
            }
        }.start();
    }

    /** Why the rendered window is not right, or null when it is. */
    static String check(Scene scene) {
        if (scene == null || scene.getWidth() < 100 || scene.getHeight() < 100) {
            return "the window has no usable size";
        }
        WritableImage image = scene.snapshot(null);
        PixelReader pixels = image.getPixelReader();
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 9) {
            for (int x = 0; x < image.getWidth(); x += 9) {
                colours.add(pixels.getArgb(x, y));
            }
        }
        return colours.size() < 10 ? "the window rendered blank (" + colours.size() + " colours)" : null;
    }
}
