package dev.questbench.agent.builtin.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Confines the tools' path arguments to the workspace, through {@code ..} and symbolic links alike. */
public final class WorkspacePaths {
    private static final int MAX_LINK_HOPS = 16;

    private WorkspacePaths() {
    }

    /**
     * The absolute path for a tool's path argument (relative to the workspace, or absolute inside it); refuses
     * {@code ..} escapes, absolute paths outside and symlinks that lead out, with a message the model can act on.
     */
    public static Path resolve(Path workspace, String path) throws ToolException {
        if (path == null || path.isBlank()) {
            throw new ToolException("The path is empty; give a file path relative to the workspace "
                    + workspace + " or an absolute path inside it.");
        }
        Path root = realWorkspace(workspace);
        Path candidate;
        try {
            Path given = Path.of(path);
            candidate = (given.isAbsolute() ? given : root.resolve(given)).normalize();
            Path named = workspace.toAbsolutePath().normalize();
            if (!candidate.startsWith(root) && candidate.startsWith(named)) { // the workspace's unresolved name
                candidate = root.resolve(named.relativize(candidate));
            }
        } catch (InvalidPathException e) {
            throw new ToolException("'" + path + "' is not a valid path: " + e.getReason() + ".");
        }
        if (!candidate.startsWith(root)) {
            throw outside(path, root);
        }
        return followLinks(root, path, candidate, 0);
    }

    /** The workspace-relative form of an absolute path, with forward slashes ({@code .} for the workspace). */
    public static String relative(Path workspace, Path absolute) {
        Path base = absolute.isAbsolute() && !absolute.startsWith(workspace) ? realOrSame(workspace) : workspace;
        String relative = base.relativize(absolute).toString().replace('\\', '/');
        return relative.isEmpty() ? "." : relative;
    }

    // Real path of the longest existing prefix plus the rest, so a link anywhere along the way is seen.
    private static Path followLinks(Path root, String original, Path candidate, int hops) throws ToolException {
        Path existing = candidate;
        Path real = null;
        while (existing != null) {
            try {
                real = existing.toRealPath();
                break;
            } catch (NoSuchFileException e) {
                existing = existing.getParent();
            } catch (IOException e) {
                throw new ToolException("Cannot check the path '" + original + "': " + e.getMessage() + ".", e);
            }
        }
        if (real == null || !real.startsWith(root)) {
            throw new ToolException("Path '" + original + "' leads outside the workspace " + root
                    + " through a symbolic link; tools can only touch files inside it.");
        }
        if (existing.equals(candidate)) {
            return real;
        }
        Path rest = existing.relativize(candidate);
        Path next = real.resolve(rest.getName(0));
        if (Files.isSymbolicLink(next)) { // a dangling link: check where it would create the file
            if (hops >= MAX_LINK_HOPS) {
                throw new ToolException("Path '" + original + "' goes through too many symbolic links.");
            }
            Path target;
            try {
                target = next.getParent().resolve(Files.readSymbolicLink(next)).normalize();
            } catch (IOException e) {
                throw new ToolException("Cannot read the symbolic link " + next + ": " + e.getMessage() + ".", e);
            }
            Path remainder = target.resolve(next.relativize(real.resolve(rest))).normalize();
            if (!remainder.startsWith(root)) {
                throw new ToolException("Path '" + original + "' leads outside the workspace " + root
                        + " through a symbolic link; tools can only touch files inside it.");
            }
            return followLinks(root, original, remainder, hops + 1);
        }
        return real.resolve(rest);
    }

    private static Path realWorkspace(Path workspace) throws ToolException {
        try {
            return workspace.toAbsolutePath().toRealPath();
        } catch (IOException e) {
            throw new ToolException("The workspace " + workspace + " is not available (" + e.getMessage()
                    + "); check that the folder still exists.", e);
        }
    }

    private static Path realOrSame(Path workspace) {
        try {
            return workspace.toRealPath();
        } catch (IOException e) {
            return workspace;
        }
    }

    private static ToolException outside(String path, Path root) {
        return new ToolException("Path '" + path + "' is outside the workspace " + root
                + "; tools can only touch files inside it.");
    }
}
