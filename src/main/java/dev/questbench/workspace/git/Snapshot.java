package dev.questbench.workspace.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records a folder's files (tracked and untracked, honouring {@code .gitignore}) as a git commit without touching
 * the user's index, HEAD or stash: a temporary index ({@code GIT_INDEX_FILE}) seeded from the real one, so only
 * changed files are hashed again, then {@code write-tree} and {@code commit-tree}.
 *
 * <p>For a folder that is not a git repository the same happens in a private shadow repository ({@code GIT_DIR}
 * elsewhere, {@code GIT_WORK_TREE} the folder), so no {@code .git} ever appears in the user's folder.
 */
public final class Snapshot {
    private static final Map<String, String> IDENTITY = Map.of(
            "GIT_AUTHOR_NAME", "Questbench", "GIT_AUTHOR_EMAIL", "questbench@localhost",
            "GIT_COMMITTER_NAME", "Questbench", "GIT_COMMITTER_EMAIL", "questbench@localhost");

    private final Git git;

    public Snapshot(Git git) {
        this.git = git;
    }

    /**
     * Where git keeps a folder's objects: its own repository, or a shadow repository.
     *
     * @param workTree the folder whose files are recorded
     * @param gitDir   the repository's git directory (for a worktree, its private git dir)
     * @param shadow   true when {@code gitDir} is a Questbench shadow repository, not the user's
     */
    public record Location(Path workTree, Path gitDir, boolean shadow) {
        /** The environment that points git at this location. */
        public Map<String, String> env() {
            Map<String, String> env = new HashMap<>();
            env.put("GIT_DIR", gitDir.toString());
            env.put("GIT_WORK_TREE", workTree.toString());
            return env;
        }
    }

    /**
     * The location for a folder: the repository it is in (git's own view, so worktrees and submodules work),
     * or a shadow repository under {@code shadowRoot} (created on first use) when it is not in one.
     */
    public Location locate(Path folder, Path shadowRoot) {
        GitResult inside = git.run(folder, "rev-parse", "--show-toplevel", "--absolute-git-dir");
        if (inside.ok()) {
            List<String> lines = inside.text().lines().toList();
            if (lines.size() >= 2) {
                return new Location(Path.of(lines.get(0)), Path.of(lines.get(1)), false);
            }
        }
        Path shadow = shadowRoot.resolve(ShadowNames.of(folder));
        if (!Files.isDirectory(shadow.resolve("objects"))) {
            try {
                Files.createDirectories(shadow);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the checkpoint store " + shadow, e);
            }
            git.output(shadow, "init", "-q", "--bare", shadow.toString());
            git.output(shadow, "config", "core.bare", "false");
        }
        return new Location(folder, shadow, true);
    }

    /** Records the folder's files now and returns the commit id (parent: {@code parent}, or none when null). */
    public String take(Location location, String parent, String message) {
        return take(location, parent, message, location.workTree());
    }

    /**
     * Like {@link #take(Location, String, String)}, but looks only at the files under {@code scope}, a folder inside
     * the work tree (a workspace that is a sub-folder of a bigger repository); elsewhere the commit holds what the
     * index holds.
     */
    public String take(Location location, String parent, String message, Path scope) {
        Path index = tempIndex(location);
        try {
            Map<String, String> env = new HashMap<>(location.env());
            env.put("GIT_INDEX_FILE", index.toString());
            env.putAll(IDENTITY);
            Path workTree = location.workTree();
            // run from the scope: "." is relative to the current folder
            git.checked(scope, List.of("add", "-A", "--", "."), env, null);
            String tree = git.checked(workTree, List.of("write-tree"), env, null).text().strip();
            List<String> commit = new ArrayList<>(List.of("commit-tree", tree, "-m", message));
            if (parent != null) {
                commit.add(2, parent);
                commit.add(2, "-p");
            }
            return git.checked(workTree, commit, env, null).text().strip();
        } finally {
            try {
                if (location.shadow() && Files.isRegularFile(index)) {
                    // the shadow repository is ours: keep the index so the next snapshot hashes only changes
                    Files.move(index, location.gitDir().resolve("index"), StandardCopyOption.REPLACE_EXISTING);
                }
                Files.deleteIfExists(index);
                Files.deleteIfExists(index.resolveSibling(index.getFileName() + ".lock"));
            } catch (IOException ignored) {
                // a stale temporary index is harmless; the next snapshot uses a new name
            }
        }
    }

    /** A temporary index seeded from the repository's own one (same stat data, so unchanged files are not hashed). */
    private static Path tempIndex(Location location) {
        try {
            Path index = Files.createTempFile(location.gitDir(), "questbench-index-", "");
            Path real = location.gitDir().resolve("index");
            if (Files.isRegularFile(real)) {
                // keep the index's modification time: git compares it with the files' to catch "racily clean"
                // entries; a fresh time would make a file rewritten within the same second look unchanged
                Files.copy(real, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            } else {
                Files.delete(index); // git creates it; an empty file is not a valid index
            }
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a temporary index in " + location.gitDir(), e);
        }
    }

    /** Shadow repository folder names: readable and unique per absolute path. */
    static final class ShadowNames {
        private ShadowNames() {
        }

        static String of(Path folder) {
            String absolute = folder.toAbsolutePath().normalize().toString();
            String name = folder.getFileName() == null ? "root" : folder.getFileName().toString()
                    .replaceAll("[^A-Za-z0-9._-]", "_");
            return name + "-" + Integer.toHexString(absolute.hashCode()) + ".git";
        }
    }
}
