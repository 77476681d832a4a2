package dev.questbench.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/** Content-addressed files under {@code blobs/} for large payloads (tool output, logs, attachments). */
public final class BlobStore {
    private static final String PREFIX = "sha256:";
    private static final Pattern REF = Pattern.compile("sha256:[0-9a-f]{64}");

    private final Path directory;

    BlobStore(Path directory) {
        this.directory = directory;
    }

    /** Stores the bytes (once per content) and returns their reference, {@code sha256:<hex>}. */
    public String put(byte[] content) {
        Objects.requireNonNull(content, "content");
        String ref = PREFIX + HexFormat.of().formatHex(sha256(content));
        Path target = path(ref);
        try {
            if (Files.exists(target) && Files.size(target) == content.length) {
                return ref; // same hash and size: the same content is already there
            }
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".put-", ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(content);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true); // on disk before any row refers to it
                }
                // Readers only ever see a complete file: the name appears atomically.
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
            syncDirectory(target.getParent());
            return ref;
        } catch (IOException e) {
            throw new StoreException("Cannot save a large payload under " + directory + ": " + e.getMessage()
                    + ". Check free disk space and permissions.", e);
        }
    }

    public byte[] get(String ref) {
        Path file = path(ref);
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new StoreException("The payload " + ref + " is missing from " + directory
                    + " (the blobs folder may have been cleaned or copied incompletely).", e);
        } catch (IOException e) {
            throw new StoreException("Cannot read the payload " + file + ": " + e.getMessage(), e);
        }
    }

    /** Where the blob lives on disk, for streaming readers. */
    public Path path(String ref) {
        if (ref == null || !REF.matcher(ref).matches()) {
            throw new IllegalArgumentException("not a blob reference (sha256: and 64 lower-case hex digits): " + ref);
        }
        String hex = ref.substring(PREFIX.length());
        // Two-character folders keep directories small, as git does.
        return directory.resolve(hex.substring(0, 2)).resolve(hex.substring(2));
    }

    private static void syncDirectory(Path dir) {
        // Makes the new name durable on Linux/macOS; Windows cannot open directories, and does not need to.
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Best effort: the file content itself is already forced.
        }
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
