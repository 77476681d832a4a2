package dev.questbench.agent.builtin;

import dev.questbench.agent.builtin.memory.MemoryFile;
import dev.questbench.agent.builtin.skills.Skill;
import dev.questbench.domain.PermissionMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** The built-in agent's system prompt: who it is, where it works, the rules of the tools, and the memory files. */
final class SystemPrompt {
    private SystemPrompt() {
    }

    static String build(Path workDir, boolean hasWorkspace, PermissionMode mode, List<MemoryFile> memory,
                        String sessionContext, LocalDate today, List<Skill> skills) {
        StringBuilder out = new StringBuilder();
        out.append("""
                You are Questbench's built-in agent. A person delegated a task (a quest) to you and will review \
                the result. Work autonomously until the task is done: read before you edit, make focused changes, \
                run the project's checks when there are any, and finish with a short summary of what you did and \
                anything left open.

                """);
        out.append("# Environment\n");
        out.append("- Working directory: ").append(workDir).append(hasWorkspace ? "" : " (a scratch folder: the "
                + "quest has no workspace)").append('\n');
        String branch = gitBranch(workDir);
        out.append("- Git repository: ").append(branch == null ? "no" : "yes, on " + branch).append('\n');
        out.append("- Platform: ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.arch")).append('\n');
        out.append("- Today: ").append(today).append('\n');
        out.append("- Permission mode: ").append(mode.wireName()).append('\n');
        out.append("""

                # Tools
                - Paths are relative to the working directory; tools cannot reach outside it.
                - Use Read, Glob and Grep to look around instead of Bash cat/find/grep.
                - Edit needs an old_string that appears exactly once (or replace_all); Read the file first.
                - Bash runs non-interactively with a timeout; avoid commands that wait for input.
                - Use TodoWrite to track work with three or more steps; the user watches the list.
                - Use AskUserQuestion only when a decision truly needs the user.
                - Some tool uses need the user's approval; a denied tool use comes back as an error with their \
                reason: adapt, do not retry the same thing.
                """);
        if (mode == PermissionMode.PLAN) {
            out.append("""

                    # Plan mode
                    You are in plan mode: you may read and search, but not edit files or run commands that \
                    change anything. Investigate, then answer with a concrete plan (steps, files to change, how \
                    to verify) for the user to approve.
                    """);
        }
        if (!skills.isEmpty()) {
            out.append("\n# Skills\nLoad a skill with the Skill tool when the task matches its description:\n");
            for (Skill skill : skills) {
                out.append("- ").append(skill.name()).append(": ").append(skill.description().strip()).append('\n');
            }
        }
        for (MemoryFile file : memory) {
            out.append("\n# Memory: ").append(file.path()).append(" (").append(file.scope()).append(")\n")
                    .append(file.content().strip()).append('\n');
        }
        if (sessionContext != null && !sessionContext.isBlank()) {
            out.append("\n# Session context (from hooks)\n").append(sessionContext.strip()).append('\n');
        }
        return out.toString();
    }

    /** The checked-out branch read from {@code .git/HEAD} (no process), "detached HEAD", or null outside git. */
    static String gitBranch(Path workDir) {
        for (Path dir = workDir; dir != null; dir = dir.getParent()) {
            Path git = dir.resolve(".git");
            try {
                if (Files.isRegularFile(git)) {
                    String pointer = Files.readString(git).strip();
                    if (pointer.startsWith("gitdir:")) {
                        git = dir.resolve(pointer.substring("gitdir:".length()).strip());
                    }
                }
                Path head = git.resolve("HEAD");
                if (Files.isRegularFile(head)) {
                    String text = Files.readString(head).strip();
                    return text.startsWith("ref: refs/heads/") ? text.substring("ref: refs/heads/".length())
                            : "detached HEAD";
                }
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }
}
