package dev.questbench.agent.builtin.skills;

import dev.questbench.workspace.commands.CustomCommands;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds skills: every folder with a {@code SKILL.md} in the workspace's {@code .qoder/skills} and
 * {@code .claude/skills}, then in {@code ~/.qoder/skills}. When two define the same name the first wins
 * (workspace before user, Qoder before Claude); unreadable or oversized files are skipped.
 */
public final class Skills {
    private static final List<String> PROJECT_FOLDERS = List.of(".qoder/skills", ".claude/skills");
    private static final int MAX_BYTES = 256 * 1024;

    private Skills() {
    }

    /**
     * The skills of a workspace and the user, sorted by precedence then name.
     *
     * @param workDir the workspace, or null for the user's skills only
     * @param home    the user's home folder, or null
     */
    public static List<Skill> discover(Path workDir, Path home) {
        Map<String, Skill> byName = new LinkedHashMap<>();
        if (workDir != null) {
            for (String folder : PROJECT_FOLDERS) {
                scan(workDir.resolve(folder), "project", byName);
            }
        }
        if (home != null) {
            scan(home.resolve(".qoder").resolve("skills"), "user", byName);
        }
        return List.copyOf(byName.values());
    }

    /** The skills whose names are not in {@code disabled}. */
    public static List<Skill> enabled(List<Skill> skills, Collection<String> disabled) {
        return skills.stream().filter(skill -> !disabled.contains(skill.name())).toList();
    }

    /** The skill named {@code name} (case-insensitive). */
    public static Optional<Skill> named(List<Skill> skills, String name) {
        return skills.stream().filter(skill -> skill.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    private static void scan(Path base, String source, Map<String, Skill> into) {
        if (!Files.isDirectory(base)) {
            return;
        }
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(base, Files::isDirectory)) {
            children.forEach(folders::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            return; // an unreadable skills folder offers no skills, as if it were absent
        }
        folders.sort(null);
        for (Path folder : folders) {
            read(folder, source).ifPresent(skill -> into.putIfAbsent(skill.name(), skill));
        }
    }

    static Optional<Skill> read(Path folder, String source) {
        Path file = folder.resolve("SKILL.md");
        String text;
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
        CustomCommands.Frontmatter split = CustomCommands.Frontmatter.split(text);
        String name = split.value("name").isBlank() ? folder.getFileName().toString() : split.value("name").strip();
        if (name.contains(" ") || name.contains("/")) {
            return Optional.empty();
        }
        return Optional.of(new Skill(name, split.value("description"), split.body(), folder.toAbsolutePath(), source));
    }
}
