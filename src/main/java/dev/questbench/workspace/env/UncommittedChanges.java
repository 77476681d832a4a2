package dev.questbench.workspace.env;

import dev.questbench.workspace.git.Git;
import dev.questbench.workspace.git.GitResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Carries uncommitted work from one checkout to another: staged changes land staged, unstaged ones unstaged and
 * untracked (not ignored) files are copied. Patches are binary-safe ({@code git diff --binary} into
 * {@code git apply}); when the target starts from another commit, a three-way apply is tried before giving up.
 */
final class UncommittedChanges {
    private static final List<String> DIFF = List.of("diff", "--binary", "--no-color", "--no-ext-diff",
            "--no-renames", "--ignore-submodules", "--src-prefix=a/", "--dst-prefix=b/");

    private final Git git;

    UncommittedChanges(Git git) {
        this.git = git;
    }

    /** Copies the repository's uncommitted changes into the worktree; returns how many paths they touch. */
    int copy(Path repo, Path worktree, String baseName) {
        byte[] staged = diff(repo, "--cached", "HEAD");
        byte[] unstaged = diff(repo);
        apply(worktree, staged, true, baseName);
        apply(worktree, unstaged, false, baseName);
        List<String> untracked = FileCopies.paths(git.checked(repo, List.of("ls-files", "-z", "--others",
                "--exclude-standard"), Map.of(), null).stdout());
        for (String path : untracked) {
            FileCopies.copy(repo, worktree, path);
        }
        return untracked.size() + count(staged) + count(unstaged);
    }

    /** The patch from one tree-ish to another ({@code --cached} and revisions as given). */
    byte[] diff(Path dir, String... revisions) {
        List<String> args = new ArrayList<>(DIFF);
        args.addAll(List.of(revisions));
        return git.checked(dir, args, Map.of(), null).stdout();
    }

    /** Applies a patch to the working tree, and to the index too when {@code index}. */
    void apply(Path dir, byte[] patch, boolean index, String baseName) {
        if (patch.length == 0) {
            return;
        }
        List<String> args = new ArrayList<>(List.of("apply", "--binary", "--whitespace=nowarn"));
        if (index) {
            args.add("--index");
        }
        GitResult plain = git.run(dir, args, Map.of(), patch, Git.DEFAULT_TIMEOUT);
        if (plain.ok()) {
            return;
        }
        GitResult threeWay = git.run(dir, List.of("apply", "--binary", "--whitespace=nowarn", "--3way"), Map.of(),
                patch, Git.DEFAULT_TIMEOUT);
        if (!threeWay.ok()) {
            String detail = (plain.stderr().isBlank() ? threeWay.stderr() : plain.stderr()).strip()
                    .replaceAll("(?m)^(error|fatal): ", "");
            throw new IllegalStateException("Your uncommitted changes do not apply on " + baseName + " (" + detail
                    + "). Start the quest from your current branch, or commit your changes first.");
        }
    }

    private static int count(byte[] patch) {
        int files = 0;
        String text = new String(patch, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int at = text.indexOf("diff --git "); at >= 0; at = text.indexOf("\ndiff --git ", at + 1)) {
            files++;
        }
        return files;
    }
}
