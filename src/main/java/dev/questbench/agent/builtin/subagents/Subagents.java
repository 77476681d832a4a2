package dev.questbench.agent.builtin.subagents;

import dev.questbench.agent.builtin.ExtensionFolders;
import dev.questbench.workspace.commands.CustomCommands;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds subagents: Markdown files with {@code name}, {@code description}, {@code tools} and {@code model}
 * frontmatter in the workspace's {@code .qoder/agents} and {@code .claude/agents}, then {@code ~/.qoder/agents},
 * then the built-ins {@code general-purpose}, {@code Explore} and {@code Plan}. The first of a name wins, so a
 * project file can replace a built-in.
 */
public final class Subagents {
    private static final List<String> READ_ONLY = List.of("Read", "Glob", "Grep");
    private static final String REPORT = " Your final message is handed back to the agent that started you as the "
            + "result: make it complete and self-contained (what you found or did, with file paths).";

    /** The built-in subagents. */
    public static final List<Subagent> BUILT_IN = List.of(
            new Subagent("general-purpose", "A general agent for multi-step research or changes that would fill "
                    + "the main context; it has all the tools.", null, null,
                    "You are a general-purpose agent working on one delegated task. Do it fully." + REPORT,
                    "built-in"),
            new Subagent("Explore", "Fast read-only exploration: find files, search code, answer questions about "
                    + "the codebase.", READ_ONLY, null,
                    "You are a read-only exploration agent: search and read to answer the question. You cannot "
                            + "change anything." + REPORT, "built-in"),
            new Subagent("Plan", "Read-only research that ends in an implementation plan (steps, files, checks).",
                    READ_ONLY, null, "You are a planning agent: investigate with the read-only tools, then answer "
                    + "with a concrete plan: steps, files to change, how to verify." + REPORT, "built-in"));

    private Subagents() {
    }

    /**
     * @param workDir the workspace, or null
     * @param home    the user's home folder, or null
     */
    public static List<Subagent> discover(Path workDir, Path home) {
        Map<String, Subagent> byName = new LinkedHashMap<>();
        for (ExtensionFolders.Location location : ExtensionFolders.locations("agents", workDir, home)) {
            for (Path file : ExtensionFolders.entries(location.folder(), path -> path.toString().endsWith(".md"))) {
                read(file, location.source()).ifPresent(agent -> byName.putIfAbsent(agent.name(), agent));
            }
        }
        BUILT_IN.forEach(agent -> byName.putIfAbsent(agent.name(), agent));
        return List.copyOf(byName.values());
    }

    /** The subagent named {@code name} (case-insensitive). */
    public static Optional<Subagent> named(List<Subagent> agents, String name) {
        return agents.stream().filter(agent -> agent.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    static Optional<Subagent> read(Path file, String source) {
        Optional<String> read = ExtensionFolders.read(file);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        String text = read.get();
        CustomCommands.Frontmatter split = CustomCommands.Frontmatter.split(text);
        String fileName = file.getFileName().toString();
        String name = split.value("name").isBlank() ? fileName.substring(0, fileName.length() - 3)
                : split.value("name").strip();
        if (name.isBlank() || name.contains(" ")) {
            return Optional.empty();
        }
        String tools = split.value("tools").replace("[", "").replace("]", "");
        List<String> toolList = tools.isBlank() ? null : Arrays.stream(tools.split(","))
                .map(tool -> tool.strip().replace("\"", "").replace("'", "")).filter(tool -> !tool.isEmpty())
                .toList();
        return Optional.of(new Subagent(name, split.value("description"), toolList, split.value("model"),
                split.body().strip() + REPORT, source));
    }
}
