package dev.questbench.preview;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Writes slide pictures to a PDF, one 16:9 page per slide (960×540 points, the picture filling the page). */
public final class SlidesPdf {
    private static final float PAGE_WIDTH = 960;
    private static final float PAGE_HEIGHT = 540;

    private SlidesPdf() {
    }

    public static void write(List<BufferedImage> slides, Path target) throws IOException {
        try (PDDocument document = new PDDocument()) {
            for (BufferedImage slide : slides) {
                PDPage page = new PDPage(new PDRectangle(PAGE_WIDTH, PAGE_HEIGHT));
                document.addPage(page);
                PDImageXObject image = LosslessFactory.createFromImage(document, slide);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(image, 0, 0, PAGE_WIDTH, PAGE_HEIGHT);
                }
            }
            document.save(target.toFile());
        }
    }
}
