package dev.questbench.ui.composer;

import dev.questbench.domain.event.ContentBlock;
import dev.questbench.workspace.files.AttachmentText;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file, folder or image going with the next message, shown as a chip above the input.
 *
 * @param label how it is named to the user and the agent: the workspace-relative path, or the dropped file's path
 * @param file  where it is on disk
 */
public record Attachment(String label, Path file, boolean image) {
    public Attachment {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(file, "file");
    }

    public static Attachment of(String label, Path file) {
        return new Attachment(label, file, AttachmentText.isImage(file));
    }

    /** A dropped or pasted file: named relative to the workspace when inside it, else by its absolute path. */
    public static Attachment dropped(Path workspace, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path root = workspace == null ? null : workspace.toAbsolutePath().normalize();
        String label = root != null && absolute.startsWith(root)
                ? root.relativize(absolute).toString().replace('\\', '/') : absolute.toString();
        return of(label.isEmpty() ? "." : label, absolute);
    }

    /** The content block the agent receives (reads the file: call off the FX thread). */
    ContentBlock toBlock() {
        return new ContentBlock(image ? "image" : "file", AttachmentText.of(file, label), file.toString());
    }
}
