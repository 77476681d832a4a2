package dev.questbench.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.store.BlobStore;
import dev.questbench.workspace.git.Git;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The index entries and working-tree bytes of a decision's paths as they were just before it, so Undo can put them
 * back exactly (a rejected hunk reappears, an accepted one leaves the index) whatever scope the decision was made in.
 *
 * <p>Saved as blobs (the file bytes, then a small JSON manifest) whose reference the decision event carries, so a
 * decision can be undone after a restart too. Known limit: the executable bit of a restored file is not recorded.
 */
final class UndoRecord {
    private static final Map<String, String> LITERAL_PATHS = Map.of("GIT_LITERAL_PATHSPECS", "1");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path top;
    private final Map<String, String> indexEntries;
    private final Map<String, byte[]> files;

    private UndoRecord(Path top, Map<String, String> indexEntries, Map<String, byte[]> files) {
        this.top = top;
        this.indexEntries = indexEntries;
        this.files = files;
    }

    /** Records the paths' index entries and, when {@code withFiles}, their working-tree bytes (null = absent). */
    static UndoRecord take(Git git, Path top, List<String> paths, boolean withFiles) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String path : paths) {
            entries.put(path, null);
        }
        if (isRepository(top)) {
            List<String> args = new ArrayList<>(List.of("ls-files", "-s", "-z", "--"));
            args.addAll(paths);
            String out = git.checked(top, args, LITERAL_PATHS, null).text();
            for (String line : out.split("\0")) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    String[] fields = line.substring(0, tab).split(" ");
                    entries.put(line.substring(tab + 1), fields[0] + " " + fields[1]);
                }
            }
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (withFiles) {
            for (String path : paths) {
                Path file = top.resolve(path);
                try {
                    files.put(path, Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Files.readAllBytes(file)
                            : null);
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not read " + file + " to keep it for Undo: "
                            + e.getMessage(), e);
                }
            }
        }
        return new UndoRecord(top, entries, files);
    }

    /** Saves the record as blobs and returns the manifest's reference, for {@link #load}. */
    String save(BlobStore blobs) {
        ObjectNode manifest = MAPPER.createObjectNode().put("top", top.toString());
        ObjectNode index = manifest.putObject("index");
        indexEntries.forEach(index::put);
        ObjectNode saved = manifest.putObject("files");
        files.forEach((path, bytes) -> saved.put(path, bytes == null ? null : blobs.put(bytes)));
        try {
            return blobs.put(MAPPER.writeValueAsBytes(manifest));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    /** The record {@link #save} kept under {@code ref}. */
    static UndoRecord load(BlobStore blobs, String ref) {
        JsonNode manifest;
        try {
            manifest = MAPPER.readTree(blobs.get(ref));
        } catch (IOException e) {
            throw new UncheckedIOException("The saved state for Undo (" + ref + ") is damaged: " + e.getMessage(), e);
        }
        Map<String, String> entries = new LinkedHashMap<>();
        manifest.path("index").fields().forEachRemaining(field ->
                entries.put(field.getKey(), field.getValue().isNull() ? null : field.getValue().asText()));
        Map<String, byte[]> files = new LinkedHashMap<>();
        manifest.path("files").fields().forEachRemaining(field ->
                files.put(field.getKey(), field.getValue().isNull() ? null : blobs.get(field.getValue().asText())));
        return new UndoRecord(Path.of(manifest.path("top").asText()), entries, files);
    }

    /** Puts the recorded index entries and files back. */
    void restore(Git git) {
        if (isRepository(top)) {
            StringBuilder info = new StringBuilder();
            List<String> absent = new ArrayList<>(List.of("rm", "-q", "--cached", "--ignore-unmatch", "--"));
            for (Map.Entry<String, String> entry : indexEntries.entrySet()) {
                if (entry.getValue() == null) {
                    absent.add(entry.getKey());
                } else {
                    info.append(entry.getValue()).append('\t').append(entry.getKey()).append('\0');
                }
            }
            if (absent.size() > 5) {
                git.checked(top, absent, LITERAL_PATHS, null);
            }
            if (info.length() > 0) {
                git.checked(top, List.of("update-index", "-z", "--index-info"), LITERAL_PATHS,
                        info.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        for (Map.Entry<String, byte[]> entry : files.entrySet()) {
            Path file = top.resolve(entry.getKey());
            try {
                if (entry.getValue() == null) {
                    Files.deleteIfExists(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.write(file, entry.getValue());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not restore " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private static boolean isRepository(Path top) {
        return Files.exists(top.resolve(".git"), LinkOption.NOFOLLOW_LINKS);
    }
}
