package dev.questbench.workspace.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.questbench.workspace.diff.DiffScope;
import dev.questbench.workspace.diff.Diffs;
import dev.questbench.workspace.diff.FileDiff;
import dev.questbench.workspace.git.Git;
import dev.questbench.workspace.git.GitResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A real git repository in a temporary folder, with the diffs the review would show for it. */
final class TestRepo {
    static final Git GIT = Git.locate(System.getenv());

    final Path dir;

    private TestRepo(Path dir) {
        this.dir = dir;
    }

    /** A new repository on branch {@code main} with an identity and no user or system config influence. */
    static TestRepo init(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestRepo repo = new TestRepo(dir);
        repo.git("init", "-q", "-b", "main", ".");
        repo.git("config", "user.name", "Test");
        repo.git("config", "user.email", "test@example.com");
        repo.git("config", "core.autocrlf", "false");
        repo.git("config", "commit.gpgsign", "false");
        return repo;
    }

    /** An existing working tree (e.g. a worktree made with {@code git worktree add}). */
    static TestRepo open(Path dir) {
        return new TestRepo(dir);
    }

    String git(String... args) {
        return GIT.output(dir, args);
    }

    GitResult run(String... args) {
        return GIT.run(dir, args);
    }

    void write(String path, String text) {
        write(path, text.getBytes(StandardCharsets.UTF_8));
    }

    void write(String path, byte[] bytes) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    byte[] bytes(String path) {
        try {
            return Files.readAllBytes(dir.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean exists(String path) {
        return Files.exists(dir.resolve(path));
    }

    void commitAll(String message) {
        git("add", "-A");
        git("commit", "-q", "-m", message);
    }

    /** The index's copy of a file. */
    byte[] staged(String path) {
        return GIT.checked(dir, List.of("show", ":" + path), Map.of(), null).stdout();
    }

    /** The review's All Uncommitted list. */
    List<FileDiff> uncommitted() {
        return new Diffs(GIT).diff(dir, DiffScope.ALL_UNCOMMITTED, null, null);
    }

    /** Index → working tree and untracked files, as the review's unstaged side. */
    List<FileDiff> unstaged() {
        return uncommitted().stream().filter(file -> !file.staged()).toList();
    }

    /** HEAD → index, as the review's staged side. */
    List<FileDiff> stagedDiff() {
        return uncommitted().stream().filter(FileDiff::staged).toList();
    }

    /** The one unstaged file diff. */
    FileDiff unstagedFile() {
        List<FileDiff> files = unstaged();
        assertEquals(1, files.size(), () -> "unstaged files: " + files);
        return files.get(0);
    }

    FileDiff stagedFile() {
        List<FileDiff> files = stagedDiff();
        assertEquals(1, files.size(), () -> "staged files: " + files);
        return files.get(0);
    }

    /** The unstaged diff of one path. */
    FileDiff unstagedChange(String path) {
        return unstaged().stream().filter(file -> path.equals(file.path())).findFirst()
                .orElseThrow(() -> new AssertionError("no unstaged change to " + path + " in " + unstaged()));
    }

    /** The staged diff of one path. */
    FileDiff stagedChange(String path) {
        return stagedDiff().stream().filter(file -> path.equals(file.path())).findFirst()
                .orElseThrow(() -> new AssertionError("no staged change to " + path + " in " + stagedDiff()));
    }

    /** {@code git diff --cached} text. */
    String cachedText() {
        return git("diff", "--cached", "--no-color", "--no-ext-diff");
    }

    /** {@code git status --porcelain} lines, including ignored files. */
    String status() {
        return git("status", "--porcelain", "--ignored", "-uall");
    }

}
