package dev.questbench.agent.builtin.permission;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Files whose change alters how git, editors, shells or the agent itself behave ({@code .git/}, {@code .vscode/},
 * {@code .qoder/settings.json}, {@code .bashrc}...): edits to them always ask, except in bypass mode.
 */
final class ProtectedPaths {
    private static final Set<String> FOLDERS = Set.of(".git", ".vscode", ".idea", ".husky");
    private static final Set<String> FILES = Set.of(".bashrc", ".zshrc", ".bash_profile", ".bash_login", ".profile",
            ".zprofile", ".zshenv", ".gitconfig", ".gitmodules", ".mcp.json", ".ripgreprc");
    private static final Set<String> AGENT_FOLDERS = Set.of(".qoder", ".claude");

    private ProtectedPaths() {
    }

    /** Why editing this file needs approval, or empty when it is an ordinary file. */
    static Optional<String> reason(Path target, Path workspace) {
        if (target == null) {
            return Optional.empty();
        }
        Path ws = workspace == null ? null : workspace.toAbsolutePath().normalize();
        Path shown = ws != null && target.startsWith(ws) ? ws.relativize(target) : target;
        String previous = null;
        for (Path part : shown) {
            String name = part.toString();
            if (FOLDERS.contains(name)) {
                return Optional.of("protected path " + shown + ": files in " + name + "/ change how tools behave");
            }
            if (previous != null && AGENT_FOLDERS.contains(previous) && name.startsWith("settings")
                    && name.endsWith(".json")) {
                return Optional.of("protected path " + shown + ": agent settings decide permissions and hooks");
            }
            previous = name;
        }
        Path fileName = target.getFileName();
        if (fileName != null && FILES.contains(fileName.toString())) {
            return Optional.of("protected path " + shown + ": it changes how shells, git or tools start");
        }
        return Optional.empty();
    }
}
