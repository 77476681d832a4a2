package dev.questbench.preview;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * An open PDF whose pages are rendered to images one at a time, when asked (a 100-page document costs one page).
 * PDFBox is not thread-safe: calls are serialised; make them off the FX thread.
 */
public final class PdfPages implements AutoCloseable {
    private final PDDocument document;
    private final PDFRenderer renderer;

    private PdfPages(PDDocument document) {
        this.document = document;
        this.renderer = new PDFRenderer(document);
    }

    /** Opens a PDF; fails with a readable message when the file is not one or is encrypted with a password. */
    public static PdfPages open(Path file) throws IOException {
        try {
            return new PdfPages(Loader.loadPDF(file.toFile()));
        } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
            throw new IOException(file.getFileName() + " is protected by a password, so it cannot be previewed. "
                    + "Open it with the system app instead.", e);
        } catch (IOException e) {
            throw new IOException(file.getFileName() + " could not be read as a PDF (" + e.getMessage() + ").", e);
        }
    }

    public synchronized int pageCount() {
        return document.getNumberOfPages();
    }

    /** The page's size in points (1/72 inch): {width, height}. */
    public synchronized float[] pageSize(int page) {
        PDRectangle box = document.getPage(page).getCropBox();
        return new float[] {box.getWidth(), box.getHeight()};
    }

    /** Page {@code page} (from 0) drawn at {@code scale} (1 = 72 dpi). */
    public synchronized BufferedImage render(int page, float scale) throws IOException {
        return renderer.renderImage(page, scale, ImageType.RGB);
    }

    @Override
    public synchronized void close() throws IOException {
        document.close();
    }
}
