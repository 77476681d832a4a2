package dev.questbench.agent.builtin.permission;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Judges what {@code rm}, {@code rmdir}, {@code shred} and {@code find -delete} would delete: anything outside the
 * workspace and the temp folders, the file system root, home, {@code .git}, the whole workspace, or a path built
 * from a variable is risky; files inside the workspace are not.
 */
final class DeletionTargets {
    private final Path workspace;
    private final Path home;
    private final List<Path> temps;

    DeletionTargets(Path workspace) {
        this.workspace = workspace == null ? null : workspace.toAbsolutePath().normalize();
        this.home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        this.temps = new ArrayList<>();
        for (String temp : new String[] {"/tmp", "/var/tmp", "/dev/shm", System.getProperty("java.io.tmpdir"),
                System.getenv("TMPDIR")}) {
            if (temp != null && !temp.isBlank()) {
                temps.add(Path.of(temp).toAbsolutePath().normalize());
            }
        }
    }

    Path home() {
        return home;
    }

    /**
     * @param target    the path as written ({@code ~/x}, {@code $HOME/x}, {@code build/*}, {@code /})
     * @param cwd       where relative paths start, or null when unknown (relative paths are then not judged)
     * @param recursive whether whole folders go ({@code -r}, {@code find})
     * @param whole     whether naming the workspace folder itself deletes all of it ({@code rm -rf .} does;
     *                  {@code find . -name '*.o' -delete} does not)
     * @param what      the verb phrase the reason starts with ("deletes", "find -delete deletes")
     */
    Optional<String> judge(String target, Path cwd, boolean recursive, boolean whole, String what) {
        if (target.isEmpty()) {
            return Optional.empty();
        }
        if (names(target).contains(".git")) {
            return Optional.of(what + " inside .git/ (" + target + ")");
        }
        String expanded = expandHome(target);
        if (expanded.contains("$") || expanded.contains("`")) {
            return recursive
                    ? Optional.of(what + " a path built from a variable (" + target + "), which may be empty or wrong")
                    : Optional.empty();
        }
        Path path;
        try {
            Path p = Path.of(expanded);
            if (!p.isAbsolute()) {
                if (cwd == null) {
                    return Optional.empty();
                }
                p = cwd.resolve(p);
            }
            path = globFree(p.normalize());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        boolean glob = hasGlob(expanded);
        if (path.getParent() == null) {
            return Optional.of(what + " from the file system root (" + target + ")");
        }
        if (path.equals(home)) {
            return Optional.of(what + " your home folder (" + target + ")");
        }
        for (Path temp : temps) {
            if (path.startsWith(temp) && (!path.equals(temp) || glob)) {
                return Optional.empty();
            }
        }
        if (workspace != null && path.startsWith(workspace)) {
            return path.equals(workspace) && !glob && recursive && whole
                    ? Optional.of(what + " the whole workspace (" + target + ")")
                    : Optional.empty();
        }
        return Optional.of(what + " " + target + " outside the workspace");
    }

    /** {@code ~}, {@code ~/x}, {@code $HOME/x} and {@code ${HOME}/x} with the home folder written out. */
    String expandHome(String path) {
        for (String prefix : new String[] {"${HOME}", "$HOME", "~"}) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return home + path.substring(prefix.length());
            }
        }
        return path;
    }

    /** The longest leading part without glob characters: {@code /a/b/*.o} → {@code /a/b}. */
    private static Path globFree(Path path) {
        Path out = path.getRoot();
        for (Path name : path) {
            if (hasGlob(name.toString())) {
                break;
            }
            out = out == null ? name : out.resolve(name);
        }
        return out == null ? path : out;
    }

    private static boolean hasGlob(String s) {
        return s.contains("*") || s.contains("?") || s.contains("[");
    }

    private static List<String> names(String path) {
        return List.of(path.split("/+"));
    }
}
