package dev.questbench.store;

import java.nio.file.Path;

/** Content-addressed files under {@code blobs/} for large payloads (tool output, logs, attachments). */
public final class BlobStore {

    /** Stores the bytes (once per content) and returns their reference, {@code sha256:<hex>}. */
    public String put(byte[] content) {
        throw new UnsupportedOperationException("TODO");
    }

    public byte[] get(String ref) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Where the blob lives on disk, for streaming readers. */
    public Path path(String ref) {
        throw new UnsupportedOperationException("TODO");
    }
}
