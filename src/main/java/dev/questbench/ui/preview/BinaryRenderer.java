package dev.questbench.ui.preview;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

/** A file with no preview: its size, the hex of its first bytes, and Open with system app. */
final class BinaryRenderer extends BaseRenderer {
    static final int HEAD_BYTES = 256;

    private final Label size = new Label();
    private final TextArea hex = new TextArea();
    private Path shown;

    BinaryRenderer(RenderContext context) {
        this(context, new VBox(8));
    }

    private BinaryRenderer(RenderContext context, VBox box) {
        super(context, box);
        size.setId("preview-binary-size");
        hex.setId("preview-hex");
        hex.setEditable(false);
        hex.getStyleClass().add("preview-hex");
        Button open = new Button("Open with system app");
        open.setOnAction(event -> {
            Path file = shown;
            if (file != null) {
                context.tasks().run(() -> context.apps().open(file), failure -> showMessage(failure.getMessage()));
            }
        });
        box.getChildren().addAll(size, open, hex);
        box.setStyle("-fx-padding: 12;");
    }

    TextArea hexArea() {
        return hex;
    }

    @Override
    public void show(Path file) {
        shown = file;
        load(() -> {
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(HEAD_BYTES);
            }
            return new Object[] {Files.size(file), dump(head)};
        }, result -> {
            size.setText(ArtifactCell.size((Long) result[0]) + " — no preview for this kind of file");
            hex.setText((String) result[1]);
        });
    }

    /** Classic hex dump: offset, sixteen bytes in hex, then the printable characters. */
    static String dump(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (int row = 0; row < bytes.length; row += 16) {
            out.append(String.format("%08x  ", row));
            StringBuilder text = new StringBuilder();
            for (int i = row; i < row + 16; i++) {
                if (i < bytes.length) {
                    out.append(String.format("%02x ", bytes[i] & 0xff));
                    char c = (char) (bytes[i] & 0xff);
                    text.append(c >= 32 && c < 127 ? c : '.');
                } else {
                    out.append("   ");
                }
            }
            out.append(' ').append(text).append('\n');
        }
        return out.toString();
    }
}
