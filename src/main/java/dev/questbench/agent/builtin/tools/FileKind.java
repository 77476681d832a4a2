package dev.questbench.agent.builtin.tools;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a file's first bytes say it is: text (UTF-8 without NUL bytes) or a binary kind with a readable name.
 *
 * @param binary      true when the bytes are not UTF-8 text
 * @param image       true for common image formats
 * @param description e.g. "PNG image", "ZIP archive", "binary data"; "text" for text
 */
record FileKind(boolean binary, boolean image, String description) {
    /** How many leading bytes are enough to decide. */
    static final int SNIFF_BYTES = 8192;

    static final FileKind TEXT = new FileKind(false, false, "text");

    static FileKind sniff(byte[] head, int length, String fileName) {
        FileKind magic = byMagic(head, length);
        if (magic != null) {
            return magic;
        }
        for (int i = 0; i < length; i++) {
            if (head[i] == 0) {
                return byName(fileName);
            }
        }
        return validUtf8(head, length) ? TEXT : byName(fileName);
    }

    // Magic numbers of the formats a workspace commonly holds.
    private static FileKind byMagic(byte[] b, int n) {
        if (startsWith(b, n, 0x89, 'P', 'N', 'G')) {
            return image("PNG");
        }
        if (startsWith(b, n, 0xFF, 0xD8, 0xFF)) {
            return image("JPEG");
        }
        if (startsWith(b, n, 'G', 'I', 'F', '8')) {
            return image("GIF");
        }
        if (startsWith(b, n, 'R', 'I', 'F', 'F') && n >= 12 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B') {
            return image("WebP");
        }
        if (startsWith(b, n, 0, 0, 1, 0)) {
            return image("ICO");
        }
        if (startsWith(b, n, '%', 'P', 'D', 'F')) {
            return binary("PDF document");
        }
        if (startsWith(b, n, 'P', 'K', 3, 4)) {
            return binary("ZIP archive (also jar, docx, xlsx)");
        }
        if (startsWith(b, n, 0x1F, 0x8B)) {
            return binary("gzip archive");
        }
        if (startsWith(b, n, 0x7F, 'E', 'L', 'F')) {
            return binary("ELF executable or library");
        }
        if (startsWith(b, n, 0xCA, 0xFE, 0xBA, 0xBE)) {
            return binary("Java class file");
        }
        if (startsWith(b, n, 'S', 'Q', 'L', 'i', 't', 'e', ' ')) {
            return binary("SQLite database");
        }
        return null;
    }

    private static FileKind byName(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        return switch (extension) {
            case "png", "jpg", "jpeg", "gif", "webp", "bmp", "ico", "tif", "tiff" ->
                    image(extension.toUpperCase(Locale.ROOT));
            default -> binary("binary data");
        };
    }

    private static boolean validUtf8(byte[] head, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(length + 1);
        // Not end of input: a multi-byte character cut at the sniff boundary is fine.
        CoderResult result = decoder.decode(ByteBuffer.wrap(head, 0, length), out, false);
        return !result.isError();
    }

    private static boolean startsWith(byte[] b, int n, int... magic) {
        if (n < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static FileKind image(String format) {
        return new FileKind(true, true, format + " image");
    }

    private static FileKind binary(String description) {
        return new FileKind(true, false, description);
    }
}
