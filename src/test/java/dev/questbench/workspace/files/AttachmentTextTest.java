package dev.questbench.workspace.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachmentTextTest {
    @TempDir
    Path dir;

    @Test
    void aTextFileIsFencedWithItsPath() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "hello\nworld");
        assertEquals("Attached file src/a.txt:\n```\nhello\nworld\n```",
                AttachmentText.of(dir.resolve("a.txt"), "src/a.txt"));
    }

    @Test
    void aLongFileIsCutWithANote() throws IOException {
        Files.writeString(dir.resolve("big.txt"), "x".repeat(AttachmentText.MAX_CHARS + 500));
        String text = AttachmentText.of(dir.resolve("big.txt"), "big.txt");
        assertTrue(text.contains("(Only the first " + AttachmentText.MAX_CHARS + " characters of "
                + (AttachmentText.MAX_CHARS + 500) + " bytes are shown"), text.substring(text.length() - 200));
        assertTrue(text.length() < AttachmentText.MAX_CHARS + 300);
    }

    @Test
    void aFolderIsListedAndBinaryAndImageFilesAreNamedNotDumped() throws IOException {
        Files.createDirectories(dir.resolve("pkg/sub"));
        Files.writeString(dir.resolve("pkg/A.java"), "class A {}");
        Files.write(dir.resolve("pkg/blob.bin"), new byte[] {0, 1, 2, (byte) 0xff, 0});
        Files.write(dir.resolve("pkg/shot.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        assertEquals("Attached folder pkg/ contains:\n```\nA.java\nblob.bin\nshot.png\nsub/\n```",
                AttachmentText.of(dir.resolve("pkg"), "pkg/"));
        assertTrue(AttachmentText.of(dir.resolve("pkg/blob.bin"), "pkg/blob.bin").startsWith(
                "Attached file pkg/blob.bin is binary (5 bytes"));
        assertTrue(AttachmentText.of(dir.resolve("pkg/shot.png"), "shot.png").startsWith("Attached image shot.png"));
        assertTrue(AttachmentText.isImage(dir.resolve("x.JPG")));
    }

    @Test
    void aVanishedFileSaysSo() {
        assertEquals("Attached file gone.txt could not be read: it no longer exists.",
                AttachmentText.of(dir.resolve("gone.txt"), "gone.txt"));
    }
}
