package dev.questbench.preview;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** What kind of preview a file gets, from its extension and, for unknown extensions, a look at its first bytes. */
public enum FileKind {
    HTML("Web page"), MARKDOWN("Markdown"), IMAGE("Image"), SVG("SVG image"), CSV("Table"), JSON("JSON"),
    PDF("PDF document"), TEXT("Text"), BINARY("Binary file");

    private static final Set<String> IMAGES = Set.of("png", "jpg", "jpeg", "gif", "bmp");
    private static final Set<String> TEXT_EXTENSIONS = Set.of("txt", "log", "java", "kt", "kts", "ts", "tsx", "js",
            "mjs", "cjs", "jsx", "py", "go", "rs", "c", "h", "cpp", "hpp", "cc", "cs", "rb", "php", "swift", "scala",
            "sh", "bash", "sql", "toml", "ini", "properties", "gradle", "vue", "svelte", "lua", "r", "xml", "yaml",
            "yml", "css", "scss", "less", "cfg", "conf", "env", "gitignore", "dockerfile", "makefile");
    private static final int SNIFF_BYTES = 8192;

    private final String label;

    FileKind(String label) {
        this.label = label;
    }

    /** A short name for the user ("Table", "PDF document"). */
    public String label() {
        return label;
    }

    /** The kind by extension alone; {@link #BINARY} for an extension it does not know. */
    public static FileKind byName(String fileName) {
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1)
                .toLowerCase(Locale.ROOT);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        return switch (extension) {
            case "html", "htm", "xhtml" -> HTML;
            case "md", "markdown" -> MARKDOWN;
            case "svg" -> SVG;
            case "csv", "tsv" -> CSV;
            case "json", "geojson" -> JSON;
            case "pdf" -> PDF;
            default -> IMAGES.contains(extension) ? IMAGE : TEXT_EXTENSIONS.contains(extension) ? TEXT : BINARY;
        };
    }

    /** The kind of a file on disk: by extension, else text when its head has no NUL byte and decodes as UTF-8. */
    public static FileKind of(Path file) {
        FileKind named = byName(file.getFileName().toString());
        if (named != BINARY) {
            return named;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SNIFF_BYTES);
            return looksLikeText(head) ? TEXT : BINARY;
        } catch (IOException e) {
            return BINARY;
        }
    }

    static boolean looksLikeText(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        // A multi-byte character cut at the end of the sample is not a reason to call the file binary.
        int end = head.length;
        while (end > 0 && end > head.length - 4 && (head[end - 1] & 0xC0) == 0x80) {
            end--;
        }
        if (end > 0 && (head[end - 1] & 0xC0) == 0xC0) {
            end--;
        }
        try {
            java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(head, 0, end));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }
}
