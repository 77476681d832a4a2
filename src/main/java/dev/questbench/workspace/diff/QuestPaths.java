package dev.questbench.workspace.diff;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** Paths the quest's tools reported (absolute, or relative to the quest's folder) as repository-relative paths. */
final class QuestPaths {
    private QuestPaths() {
    }

    /**
     * {@code paths} relative to {@code workTree} with forward slashes; {@code folder} may lie inside the work tree,
     * and either may be reached through a symbolic link. Paths outside the work tree are left out.
     */
    static Set<String> relative(Path workTree, Path folder, Set<String> paths) {
        Set<String> result = new HashSet<>();
        if (paths == null || paths.isEmpty()) {
            return result;
        }
        Path tree = real(workTree);
        Path absoluteFolder = folder.toAbsolutePath().normalize();
        Path realFolder = real(folder);
        Path prefix = prefix(workTree, folder);
        for (String reported : paths) {
            Path path = Path.of(reported.replace('\\', '/')).normalize();
            Path inTree;
            if (!path.isAbsolute()) {
                inTree = prefix.resolve(path).normalize();
            } else if (path.startsWith(absoluteFolder)) {
                inTree = prefix.resolve(absoluteFolder.relativize(path));
            } else if (path.startsWith(realFolder)) {
                inTree = prefix.resolve(realFolder.relativize(path));
            } else if (path.startsWith(workTree.toAbsolutePath().normalize())) {
                inTree = workTree.toAbsolutePath().normalize().relativize(path);
            } else if (path.startsWith(tree)) {
                inTree = tree.relativize(path);
            } else {
                continue;
            }
            String text = inTree.toString().replace('\\', '/');
            if (!text.isEmpty() && !text.startsWith("../")) {
                result.add(text);
            }
        }
        return result;
    }

    /** Where {@code folder} lies inside {@code workTree}: empty for the top folder itself. */
    static Path prefix(Path workTree, Path folder) {
        Path tree = real(workTree);
        Path realFolder = real(folder);
        return realFolder.startsWith(tree) ? tree.relativize(realFolder) : Path.of("");
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
