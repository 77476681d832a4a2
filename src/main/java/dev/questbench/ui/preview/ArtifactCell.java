package dev.questbench.ui.preview;

import dev.questbench.preview.Artifact;
import dev.questbench.preview.FileKind;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** One artifact in a list: type icon, name, folder, size and how the quest changed it. */
final class ArtifactCell extends ListCell<Artifact> {
    private final FontIcon icon = new FontIcon();
    private final Label name = new Label();
    private final Label facts = new Label();
    private final HBox box;

    ArtifactCell() {
        name.getStyleClass().add("artifact-name");
        facts.getStyleClass().add("artifact-facts");
        box = new HBox(8, icon, new VBox(1, name, facts));
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setText(null);
    }

    @Override
    protected void updateItem(Artifact artifact, boolean empty) {
        super.updateItem(artifact, empty);
        getStyleClass().remove("artifact-deleted");
        if (empty || artifact == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        icon.setIconCode(iconOf(artifact.kind()));
        name.setText(artifact.name());
        String folder = artifact.path().contains("/") ? artifact.path().substring(0, artifact.path().lastIndexOf('/'))
                + " · " : "";
        facts.setText(folder + (artifact.exists() ? size(artifact.size()) + " · " + artifact.change() : "deleted"));
        if (!artifact.exists()) {
            getStyleClass().add("artifact-deleted");
        }
        setTooltip(new javafx.scene.control.Tooltip(artifact.path() + " — " + artifact.kind().label()));
        setGraphic(box);
    }

    static Ikon iconOf(FileKind kind) {
        return switch (kind) {
            case HTML -> Feather.GLOBE;
            case MARKDOWN, TEXT -> Feather.FILE_TEXT;
            case IMAGE, SVG -> Feather.IMAGE;
            case CSV -> Feather.GRID;
            case JSON -> Feather.CODE;
            case PDF -> Feather.BOOK_OPEN;
            case BINARY -> Feather.FILE;
        };
    }

    /** 1.2 MB, 340 KB, 12 bytes. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        if (bytes < 1024 * 1024) {
            return String.format("%.0f KB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format("%.1f MB", bytes / (1024.0 * 1024));
        }
        return String.format("%.1f GB", bytes / (1024.0 * 1024 * 1024));
    }
}
