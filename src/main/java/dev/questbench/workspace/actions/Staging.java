package dev.questbench.workspace.actions;

import dev.questbench.workspace.diff.ChangeKind;
import dev.questbench.workspace.diff.FileDiff;
import dev.questbench.workspace.diff.Hunk;
import dev.questbench.workspace.git.Git;
import dev.questbench.workspace.git.GitException;
import dev.questbench.workspace.git.GitResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The review's Stage / Unstage / Discard actions on one repository's working tree and index, per file, per hunk
 * and for everything. Hunk actions build a patch ({@link Patches}) and check it with {@code git apply --check}
 * before changing anything.
 *
 * <p>Which side a {@link FileDiff} belongs to comes from {@link FileDiff#staged()}: {@code TRUE} means it was taken
 * from the index (HEAD → index), anything else from the working tree (index → working tree). For the Current Quest
 * and Last Turn scopes, discard a file with {@link #discardFile(FileDiff, String)} and the scope's checkpoint.
 */
public final class Staging {
    /** Paths are file names, never patterns ({@code *}, {@code [} or {@code :} in a name mean themselves). */
    private static final Map<String, String> LITERAL_PATHS = Map.of("GIT_LITERAL_PATHSPECS", "1");
    private static final String STALE = "The hunk no longer applies: the file changed since the diff was taken; "
            + "refresh the review.";

    private final Git git;
    private final Path folder;
    private Path repo;

    /** @param folder a folder of the working tree (a repository or one of its worktrees); git finds its top */
    public Staging(Git git, Path folder) {
        this.git = git;
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** Adds the file's working-tree state to the index (both paths of a rename; a deletion is staged as one). */
    public void stageFile(FileDiff file) {
        List<String> paths = new ArrayList<>();
        List<String> candidates = paths(file);
        Set<String> inIndex = inIndex(candidates);
        for (String path : candidates) {
            if (inIndex.contains(path) || Files.exists(resolve(path), LinkOption.NOFOLLOW_LINKS)) {
                paths.add(path);
            }
        }
        if (!paths.isEmpty()) {
            run(withPaths(List.of("add", "-A"), paths));
        }
    }

    /** Puts the file's index entry back to HEAD (or removes it before the first commit); the working tree stays. */
    public void unstageFile(FileDiff file) {
        run(withPaths(List.of("reset", "-q"), paths(file)));
    }

    /**
     * Throws the file's changes away. A staged change ({@code staged == TRUE}) goes back to HEAD in the index and
     * the working tree; otherwise the working tree goes back to the index, keeping what is staged. A file the
     * target does not know (an untracked new file, the new path of a rename) is deleted. Other files are untouched.
     */
    public void discardFile(FileDiff file) {
        List<String> paths = paths(file);
        boolean fromHead = Boolean.TRUE.equals(file.staged());
        Set<String> known = fromHead ? inHead(paths) : inIndex(paths);
        List<String> restore = new ArrayList<>();
        List<String> delete = new ArrayList<>();
        for (String path : paths) {
            (known.contains(path) ? restore : delete).add(path);
        }
        if (fromHead && !delete.isEmpty()) {
            run(withPaths(List.of("rm", "-q", "--cached", "--ignore-unmatch", "-f"), delete));
        }
        if (!restore.isEmpty()) {
            List<String> args = fromHead ? List.of("restore", "--source=HEAD", "--staged", "--worktree")
                    : List.of("restore", "--worktree");
            run(withPaths(args, restore));
        }
        for (String path : delete) {
            deleteFromWorkingTree(path);
        }
    }

    /**
     * Puts the file's working-tree copy back to a commit, for Discard in the Current Quest and Last Turn scopes
     * ({@code commit} is the scope's checkpoint, which lives in this repository). Paths the commit lacks are
     * deleted; the index is not touched, so what the user staged stays staged.
     */
    public void discardFile(FileDiff file, String commit) {
        List<String> paths = paths(file);
        Set<String> known = listed(withPaths(List.of("ls-tree", "-z", "--name-only", commit), paths));
        List<String> restore = paths.stream().filter(known::contains).toList();
        if (!restore.isEmpty()) {
            run(withPaths(List.of("restore", "--source=" + commit, "--worktree"), restore));
        }
        for (String path : paths) {
            if (!known.contains(path)) {
                deleteFromWorkingTree(path);
            }
        }
    }

    /** Adds one hunk of an unstaged change to the index; the file's other hunks stay unstaged. */
    public void stageHunk(FileDiff file, Hunk hunk) {
        requireSide(file, hunk, false, "stage");
        boolean moved = (file.kind() == ChangeKind.RENAMED || file.kind() == ChangeKind.COPIED)
                && file.oldPath() != null && !inIndex(List.of(file.newPath())).contains(file.newPath());
        // an unstaged rename: the index has only the old path, so the hunk stages the rename with it
        apply(Patches.forHunk(file, hunk, moved), List.of("--cached"));
    }

    /** Takes one hunk of a staged change out of the index; the working tree keeps it. */
    public void unstageHunk(FileDiff file, Hunk hunk) {
        requireSide(file, hunk, true, "unstage");
        apply(Patches.forHunk(file, hunk), List.of("--cached", "-R"));
    }

    /**
     * Reverts one hunk. An unstaged hunk is reverted in the working tree; a staged one in the index and the working
     * tree (both are checked before either changes).
     */
    public void discardHunk(FileDiff file, Hunk hunk) {
        requireSide(file, hunk, null, "discard");
        byte[] patch = Patches.forHunk(file, hunk);
        if (Boolean.TRUE.equals(file.staged())) {
            check(patch, List.of("--cached", "-R"));
            check(patch, List.of("-R"));
            run(applyArgs(List.of("--cached", "-R")), patch);
            run(applyArgs(List.of("-R")), patch);
        } else {
            apply(patch, List.of("-R"));
        }
    }

    /** Stages every change and untracked file; ignored files stay out. */
    public void stageAll() {
        run(List.of("add", "-A"));
    }

    /** Empties the staging area back to HEAD; the working tree keeps every change. */
    public void unstageAll() {
        run(List.of("reset", "-q"));
    }

    /**
     * Throws away every uncommitted change: tracked files go back to HEAD and untracked files and folders are
     * deleted. Ignored files (build output, {@code .env}) and nested repositories stay. Cannot be undone.
     */
    public void discardAll() {
        if (hasHead()) {
            run(List.of("reset", "--hard", "-q"));
        } else {
            // before the first commit everything staged is a new file: unstage it so clean removes it
            run(List.of("rm", "-r", "-q", "--cached", "--ignore-unmatch", "-f", "--", "."));
        }
        run(List.of("clean", "-f", "-d", "-q"));
    }

    private void requireSide(FileDiff file, Hunk hunk, Boolean staged, String action) {
        if (file.binary() || file.tooLarge()) {
            throw new IllegalArgumentException(file.path() + (file.binary() ? " is a binary file: " : " is too large "
                    + "to show line by line: ") + action + " it as a whole file; it has no hunks.");
        }
        if (!file.hunks().contains(hunk)) {
            throw new IllegalArgumentException("The hunk " + hunk.header() + " is not part of the diff of "
                    + file.path() + ".");
        }
        if (staged != null && staged != Boolean.TRUE.equals(file.staged())) {
            throw new IllegalArgumentException("Cannot " + action + " a hunk of the " + (staged ? "unstaged" : "staged")
                    + " changes of " + file.path() + "; take it from the " + (staged ? "staged" : "unstaged")
                    + " diff.");
        }
    }

    private void apply(byte[] patch, List<String> options) {
        check(patch, options);
        run(applyArgs(options), patch);
    }

    private void check(byte[] patch, List<String> options) {
        List<String> args = new ArrayList<>(applyArgs(options));
        args.add(1, "--check");
        GitResult result = git.run(top(), args, Map.of(), patch, Git.DEFAULT_TIMEOUT);
        if (!result.ok()) {
            String reason = result.stderr().lines().filter(line -> !line.isBlank()).findFirst().orElse("").strip()
                    .replaceFirst("^(error|fatal): ", "");
            throw new GitException(STALE + (reason.isEmpty() ? "" : " (git: " + reason + ")"), result.exitCode(),
                    result.stderr());
        }
    }

    /** {@code --whitespace=nowarn} also overrides a user's {@code apply.whitespace=fix}, which would alter lines. */
    private static List<String> applyArgs(List<String> options) {
        List<String> args = new ArrayList<>(List.of("apply", "--whitespace=nowarn"));
        args.addAll(options);
        return args;
    }

    private void run(List<String> args) {
        git.checked(top(), args, LITERAL_PATHS, null);
    }

    private void run(List<String> args, byte[] stdin) {
        git.checked(top(), args, LITERAL_PATHS, stdin);
    }

    private Set<String> inIndex(List<String> paths) {
        return listed(withPaths(List.of("ls-files", "-z"), paths));
    }

    private Set<String> inHead(List<String> paths) {
        if (!hasHead()) {
            return Set.of();
        }
        return listed(withPaths(List.of("ls-tree", "-z", "--name-only", "HEAD"), paths));
    }

    /** The working tree's top folder: diff paths and {@code git apply} are relative to it. */
    private synchronized Path top() {
        if (repo == null) {
            repo = Path.of(git.output(folder, "rev-parse", "--show-toplevel").strip()).toAbsolutePath().normalize();
        }
        return repo;
    }

    private boolean hasHead() {
        return git.run(top(), "rev-parse", "--verify", "-q", "HEAD").ok();
    }

    private Set<String> listed(List<String> args) {
        String text = git.checked(top(), args, LITERAL_PATHS, null).text();
        Set<String> found = new LinkedHashSet<>();
        for (String entry : text.split("\0")) {
            if (!entry.isEmpty()) {
                found.add(entry);
            }
        }
        return found;
    }

    private void deleteFromWorkingTree(String path) {
        Path file = resolve(path);
        try {
            if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new GitException(path + " is a folder (a nested repository?); Questbench does not delete "
                        + "folders. Remove it yourself if you want it gone.", -1, "");
            }
            Files.deleteIfExists(file);
            // like git, leave no empty folders behind
            for (Path dir = file.getParent(); dir != null && !dir.equals(top()); dir = dir.getParent()) {
                try (var entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        break;
                    }
                }
                Files.delete(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + file + ": " + e.getMessage(), e);
        }
    }

    private Path resolve(String path) {
        Path top = top();
        Path file = top.resolve(path).normalize();
        if (!file.startsWith(top) || file.equals(top)) {
            throw new IllegalArgumentException("The path " + path + " is outside the repository " + top + ".");
        }
        return file;
    }

    /** The paths the change touches: both sides of a rename, only the new one of a copy (its source is unchanged). */
    private static List<String> paths(FileDiff file) {
        Set<String> paths = new LinkedHashSet<>();
        if (file.oldPath() != null && (file.kind() != ChangeKind.COPIED || file.newPath() == null)) {
            paths.add(file.oldPath());
        }
        if (file.newPath() != null) {
            paths.add(file.newPath());
        }
        return List.copyOf(paths);
    }

    private static List<String> withPaths(List<String> args, List<String> paths) {
        List<String> all = new ArrayList<>(args);
        all.add("--");
        all.addAll(paths);
        return all;
    }
}
