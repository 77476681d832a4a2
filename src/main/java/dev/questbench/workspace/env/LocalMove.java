package dev.questbench.workspace.env;

import dev.questbench.workspace.git.Git;
import dev.questbench.workspace.git.GitResult;
import dev.questbench.workspace.git.Snapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Move to local: the repository's own checkout switches to the worktree's branch and receives the worktree's
 * uncommitted changes (staged ones staged, the rest, new files included, unstaged), then the worktree is removed.
 *
 * <p>How nothing is lost: the worktree's changes are first recorded as commits without touching it (its index as a
 * tree, everything else through {@link Snapshot}'s temporary index) and kept under
 * {@code refs/questbench/move-to-local/<branch>} until the move is done. The local checkout switches with
 * {@code --ignore-other-worktrees} while the worktree still exists, the changes are applied as binary patches
 * (each {@code git apply} is all-or-nothing), and only then is the worktree removed. If applying fails, the local
 * checkout is reset to where it was and the worktree is left as it was.
 */
final class LocalMove {
    static final String SAFETY_REFS = "refs/questbench/move-to-local/";
    private static final System.Logger LOG = System.getLogger(LocalMove.class.getName());

    private final Git git;
    private final Path shadowRoot;

    LocalMove(Git git, Path shadowRoot) {
        this.git = git;
        this.shadowRoot = shadowRoot;
    }

    void move(Path top, WorktreeInfo wt) {
        List<String> dirty = changedPaths(git, top);
        if (!dirty.isEmpty()) {
            throw new IllegalStateException("Your workspace has uncommitted changes (" + RemoveResult.plural(
                    dirty.size(), "file") + ", e.g. " + String.join(", ", dirty.subList(0, Math.min(3, dirty.size())))
                    + "). Commit or stash them, then Move to local.");
        }
        if (!Files.isDirectory(wt.path())) {
            throw new IllegalStateException("The worktree " + wt.path() + " no longer exists, so there is nothing to "
                    + "move. Its branch " + wt.branch() + " can be checked out by hand if it still exists.");
        }
        GitResult head = git.run(wt.path(), "symbolic-ref", "-q", "HEAD");
        if (!head.ok() || !head.text().strip().equals("refs/heads/" + wt.branch())) {
            throw new IllegalStateException("The worktree is not on its branch " + wt.branch() + " any more. Check "
                    + "that branch out in the worktree (" + wt.path() + "), then Move to local.");
        }
        String tip = git.output(wt.path(), "rev-parse", "HEAD").strip();
        GitResult indexTree = git.run(wt.path(), "write-tree");
        if (!indexTree.ok()) {
            throw new IllegalStateException("The worktree has unresolved merge conflicts. Resolve them in "
                    + wt.path() + ", then Move to local.");
        }
        Snapshot snapshot = new Snapshot(git);
        String everything = snapshot.take(snapshot.locate(wt.path(), shadowRoot), tip, "Questbench: move to local");
        String safety = SAFETY_REFS + wt.branch();
        git.output(top, "update-ref", safety, everything);

        UncommittedChanges changes = new UncommittedChanges(git);
        byte[] staged = changes.diff(top, tip, indexTree.text().strip());
        byte[] rest = changes.diff(top, indexTree.text().strip(), everything);
        String before = where(top);
        git.output(top, "checkout", "-q", "--ignore-other-worktrees", wt.branch());
        try {
            changes.apply(top, staged, true, wt.branch());
            changes.apply(top, rest, false, wt.branch());
        } catch (RuntimeException e) {
            git.run(top, "reset", "-q", "--hard");
            git.run(top, "checkout", "-q", before);
            throw new IllegalStateException("Move to local stopped: the worktree's changes did not apply in "
                    + top + " (" + e.getMessage() + "). Nothing was changed; the worktree is still there.", e);
        }
        removeWorktree(top, wt.path());
        git.run(top, "update-ref", "-d", safety);
    }

    /** The branch the checkout is on, or its commit when detached: what to switch back to. */
    private String where(Path top) {
        GitResult branch = git.run(top, "symbolic-ref", "-q", "--short", "HEAD");
        return branch.ok() ? branch.text().strip() : git.output(top, "rev-parse", "HEAD").strip();
    }

    private void removeWorktree(Path top, Path folder) {
        GitResult removed = git.run(top, "worktree", "remove", "--force", folder.toString());
        if (!removed.ok() && Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                // the move itself succeeded; a leftover folder is only disk space
                LOG.log(System.Logger.Level.WARNING, "could not delete the moved worktree " + folder, e);
            }
        }
        git.run(top, "worktree", "prune");
    }

    /** Paths with changes in a checkout: staged, unstaged, deleted and untracked (not ignored). */
    static List<String> changedPaths(Git git, Path checkout) {
        byte[] status = git.checked(checkout, List.of("status", "--porcelain", "-z", "--untracked-files=all"),
                java.util.Map.of(), null).stdout();
        List<String> paths = new ArrayList<>();
        String[] items = new String(status, StandardCharsets.UTF_8).split("\0");
        for (int i = 0; i < items.length; i++) {
            String item = items[i];
            if (item.length() < 4) {
                continue;
            }
            paths.add(item.substring(3));
            if (item.charAt(0) == 'R' || item.charAt(0) == 'C') {
                i++; // a rename's original path follows
            }
        }
        return paths;
    }
}
