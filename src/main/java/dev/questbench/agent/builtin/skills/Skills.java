package dev.questbench.agent.builtin.skills;

import dev.questbench.agent.builtin.ExtensionFolders;
import dev.questbench.workspace.commands.CustomCommands;
import java.nio.file.Files;
import java.nio.file.Path;
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
        for (ExtensionFolders.Location location : ExtensionFolders.locations("skills", workDir, home)) {
            for (Path folder : ExtensionFolders.entries(location.folder(), Files::isDirectory)) {
                read(folder, location.source()).ifPresent(skill -> byName.putIfAbsent(skill.name(), skill));
            }
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

    static Optional<Skill> read(Path folder, String source) {
        Optional<String> read = ExtensionFolders.read(folder.resolve("SKILL.md"));
        if (read.isEmpty()) {
            return Optional.empty();
        }
        String text = read.get();
        CustomCommands.Frontmatter split = CustomCommands.Frontmatter.split(text);
        String name = split.value("name").isBlank() ? folder.getFileName().toString() : split.value("name").strip();
        if (name.contains(" ") || name.contains("/")) {
            return Optional.empty();
        }
        return Optional.of(new Skill(name, split.value("description"), split.body(), folder.toAbsolutePath(), source));
    }
}
