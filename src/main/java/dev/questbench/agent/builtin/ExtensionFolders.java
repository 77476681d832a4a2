package dev.questbench.agent.builtin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where skills and subagents are read from, in precedence order: the workspace's {@code .qoder/<kind>} and
 * {@code .claude/<kind>}, then the user's {@code ~/.qoder/<kind>}; and how their files are read (capped, UTF-8,
 * an unreadable one skipped as if absent).
 */
public final class ExtensionFolders {
    /** Files bigger than this are skipped: they are prompts, not documents. */
    public static final int MAX_BYTES = 256 * 1024;

    /** A folder to scan and where it came from ({@code project} or {@code user}). */
    public record Location(Path folder, String source) {
    }

    private ExtensionFolders() {
    }

    /**
     * @param kind    {@code skills} or {@code agents}
     * @param workDir the workspace, or null
     * @param home    the user's home folder, or null
     */
    public static List<Location> locations(String kind, Path workDir, Path home) {
        List<Location> out = new ArrayList<>();
        if (workDir != null) {
            out.add(new Location(workDir.resolve(".qoder").resolve(kind), "project"));
            out.add(new Location(workDir.resolve(".claude").resolve(kind), "project"));
        }
        if (home != null) {
            out.add(new Location(home.resolve(".qoder").resolve(kind), "user"));
        }
        return out;
    }

    /** The entries of {@code folder} that {@code filter} accepts, sorted; none when it is absent or unreadable. */
    public static List<Path> entries(Path folder, DirectoryStream.Filter<Path> filter) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder, filter)) {
            children.forEach(out::add);
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
        out.sort(null);
        return out;
    }

    /** The text of a regular file of at most {@link #MAX_BYTES}, or empty. */
    public static Optional<String> read(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
