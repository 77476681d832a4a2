package dev.questbench.workspace.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the agent reads for a file or folder the user attached to a message: a text file's content in a fence
 * (cut at {@link #MAX_CHARS} with a note), a folder's listing, or for images and other binary files just where
 * they are, so the agent can open them with its own tools.
 */
public final class AttachmentText {
    public static final int MAX_CHARS = 100_000;
    static final int MAX_LISTED = 500;
    private static final int MAX_BYTES = MAX_CHARS * 4;
    private static final Set<String> IMAGE = Set.of("png", "jpg", "jpeg", "gif", "bmp", "webp", "svg");

    private AttachmentText() {
    }

    /** True for file names that are pictures (png, jpg, gif, webp, svg...). */
    public static boolean isImage(Path file) {
        return IMAGE.contains(extension(file.getFileName() == null ? "" : file.getFileName().toString()));
    }

    /**
     * The text block for {@code file}.
     *
     * @param label how the user refers to it: a workspace-relative path, or the absolute path of a dropped file
     */
    public static String of(Path file, String label) {
        if (Files.isDirectory(file)) {
            return listing(file, label);
        }
        if (!Files.isRegularFile(file)) {
            return "Attached file " + label + " could not be read: it no longer exists.";
        }
        if (isImage(file)) {
            return "Attached image " + label + " (at " + file.toAbsolutePath() + "; open it with your tools to "
                    + "see it).";
        }
        try {
            return content(file, label);
        } catch (CharacterCodingException e) {
            return "Attached file " + label + " is binary (" + size(file) + " bytes, at " + file.toAbsolutePath()
                    + ").";
        } catch (IOException e) {
            return "Attached file " + label + " could not be read: " + e.getMessage();
        }
    }

    private static String content(Path file, String label) throws IOException {
        byte[] bytes;
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            if (bytes.length < MAX_BYTES) {
                throw e;
            }
            // The cut may split a character; decode leniently what is clearly text.
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        if (text.indexOf('\0') >= 0) {
            throw new CharacterCodingException();
        }
        boolean cut = text.length() > MAX_CHARS || size > bytes.length;
        if (text.length() > MAX_CHARS) {
            text = text.substring(0, MAX_CHARS);
        }
        StringBuilder out = new StringBuilder("Attached file ").append(label).append(":\n```\n").append(text);
        if (!text.endsWith("\n")) {
            out.append('\n');
        }
        out.append("```");
        if (cut) {
            out.append("\n(Only the first ").append(text.length()).append(" characters of ").append(size)
                    .append(" bytes are shown; read the file for the rest.)");
        }
        return out.toString();
    }

    private static String listing(Path folder, String label) {
        List<String> names = new ArrayList<>();
        int total = 0;
        try (Stream<Path> children = Files.list(folder)) {
            for (Path child : (Iterable<Path>) children.sorted()::iterator) {
                total++;
                if (names.size() < MAX_LISTED) {
                    names.add(child.getFileName() + (Files.isDirectory(child) ? "/" : ""));
                }
            }
        } catch (IOException e) {
            return "Attached folder " + label + " could not be listed: " + e.getMessage();
        }
        StringBuilder out = new StringBuilder("Attached folder ").append(label).append(" contains:\n```\n");
        names.forEach(name -> out.append(name).append('\n'));
        out.append("```");
        if (total > names.size()) {
            out.append("\n(").append(total - names.size()).append(" more entries are not listed.)");
        }
        return out.toString();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
