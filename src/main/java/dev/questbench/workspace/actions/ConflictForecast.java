package dev.questbench.workspace.actions;

import dev.questbench.workspace.git.Git;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Warns before quests running in parallel worktrees of one repository collide: which files two or more of them
 * change. A forecast, not a merge: two quests editing different lines of one file are still reported.
 */
public final class ConflictForecast {

    /**
     * One quest's worktree.
     *
     * @param baseCommit the commit the quest's branch started from; null means its HEAD (uncommitted changes only)
     */
    public record Worktree(String questId, Path folder, String baseCommit) {
    }

    private ConflictForecast() {
    }

    /**
     * Path (repository-relative, forward slashes) → the ids of the quests that change it, for paths changed by two
     * or more quests, sorted by path. A quest changes what it committed on its branch since its base, what it
     * staged or left unstaged, and its untracked files (not ignored ones); both sides of a rename count. Worktrees
     * whose folder is gone are skipped.
     */
    public static Map<String, List<String>> forecast(Git git, List<Worktree> worktrees) {
        Map<String, Set<String>> changedBy = new TreeMap<>();
        for (Worktree worktree : worktrees) {
            if (!Files.isDirectory(worktree.folder())) {
                continue;
            }
            for (String path : changedFiles(git, worktree)) {
                changedBy.computeIfAbsent(path, p -> new LinkedHashSet<>()).add(worktree.questId());
            }
        }
        Map<String, List<String>> overlaps = new LinkedHashMap<>();
        changedBy.forEach((path, quests) -> {
            if (quests.size() >= 2) {
                overlaps.put(path, List.copyOf(quests));
            }
        });
        return Collections.unmodifiableMap(overlaps);
    }

    /** The files one worktree changes relative to its base. */
    static Set<String> changedFiles(Git git, Worktree worktree) {
        String base = worktree.baseCommit() == null || worktree.baseCommit().isBlank() ? "HEAD"
                : worktree.baseCommit();
        Set<String> paths = new LinkedHashSet<>();
        paths.addAll(split(git.output(worktree.folder(), "diff", "--name-only", "-z", "--no-renames",
                "--no-ext-diff", base, "--")));
        paths.addAll(split(git.output(worktree.folder(), "ls-files", "-z", "--others", "--exclude-standard",
                "--full-name", "--", ":/")));
        return paths;
    }

    private static List<String> split(String nulSeparated) {
        List<String> paths = new ArrayList<>();
        for (String path : nulSeparated.split("\0")) {
            if (!path.isEmpty()) {
                paths.add(path);
            }
        }
        return paths;
    }
}
