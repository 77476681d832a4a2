package dev.questbench.preview;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A file a quest created or changed: its path relative to the quest's folder, where it is now, its kind, its size
 * when last seen (-1 when it is gone), when the quest last touched it and how ({@code created}, {@code modified},
 * {@code deleted}).
 */
public record Artifact(String path, Path file, FileKind kind, long size, Instant changedAt, String change) {
    public Artifact {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
    }

    /** The file name alone, for lists. */
    public String name() {
        return file.getFileName().toString();
    }

    /** Whether the file is still there to preview. */
    public boolean exists() {
        return size >= 0;
    }
}
