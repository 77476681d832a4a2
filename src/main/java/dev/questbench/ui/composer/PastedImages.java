package dev.questbench.ui.composer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javax.imageio.ImageIO;

/**
 * Saves a picture pasted from the clipboard (a screenshot) as a PNG in the temporary folder, so it can go with the
 * message as an image attachment like any file.
 */
final class PastedImages {
    private PastedImages() {
    }

    static void save(Image image, Consumer<Path> saved, Consumer<String> problem) {
        if (image == null || image.getPixelReader() == null) {
            problem.accept("The pasted picture could not be read; save it as a file and drop it here instead.");
            return;
        }
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage copy = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                copy.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Path folder = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "questbench-pasted"));
            Path file = folder.resolve("pasted-" + System.currentTimeMillis() + ".png");
            ImageIO.write(copy, "png", file.toFile());
            saved.accept(file);
        } catch (IOException e) {
            problem.accept("The pasted picture could not be saved (" + e.getMessage() + "); save it as a file and "
                    + "drop it here instead.");
        }
    }
}
