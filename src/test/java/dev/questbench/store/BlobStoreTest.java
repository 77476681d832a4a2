package dev.questbench.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Content-addressed blob files: stored once, read back, and references that cannot escape the folder. */
class BlobStoreTest {
    @TempDir
    Path dir;

    @Test
    void storesContentOnceUnderItsHash() throws Exception {
        BlobStore blobs = new BlobStore(dir.resolve("blobs"));
        byte[] content = "hello blob".getBytes(StandardCharsets.UTF_8);
        String ref = blobs.put(content);
        // sha256("hello blob"), as sha256sum prints it.
        assertEquals("sha256:" + sha256Hex(content), ref);
        assertEquals(ref, blobs.put(content.clone()));
        assertArrayEquals(content, blobs.get(ref));
        assertTrue(blobs.path(ref).startsWith(dir.resolve("blobs")));
        assertArrayEquals(content, Files.readAllBytes(blobs.path(ref)));
        try (Stream<Path> files = Files.walk(dir.resolve("blobs"))) {
            assertEquals(1, files.filter(Files::isRegularFile).count()); // no temp files left behind either
        }
        String empty = blobs.put(new byte[0]);
        assertArrayEquals(new byte[0], blobs.get(empty));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "sha256:", "sha256:../../etc/passwd", "md5:d41d8cd98f00b204e9800998ecf8427e",
            "sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
            "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85",
            "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855/..",
            "/etc/passwd"})
    void rejectsReferencesThatAreNotAHash(String ref) {
        BlobStore blobs = new BlobStore(dir);
        assertThrows(IllegalArgumentException.class, () -> blobs.path(ref));
        assertThrows(IllegalArgumentException.class, () -> blobs.get(ref));
    }

    @Test
    void aMissingBlobIsAClearError() {
        BlobStore blobs = new BlobStore(dir);
        StoreException error = assertThrows(StoreException.class,
                () -> blobs.get("sha256:" + "ab".repeat(32)));
        assertTrue(error.getMessage().contains("is missing"), error.getMessage());
    }

    private static String sha256Hex(byte[] content) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }
}
