package dev.questbench.workspace.checkpoint;

import dev.questbench.workspace.git.Git;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Real git repositories in temporary folders for checkpoint tests: files in, files out. */
public final class TestRepos {
    public static final Git GIT = Git.locate(System.getenv());

    private TestRepos() {
    }

    /** A new repository with an identity set and the given files committed (none: no commit at all). */
    public static Path repo(Path dir, Map<String, String> committed) {
        git(dir.getParent(), "init", "-q", "-b", "main", dir.toString());
        git(dir, "config", "user.name", "Test");
        git(dir, "config", "user.email", "test@localhost");
        git(dir, "config", "commit.gpgsign", "false");
        if (!committed.isEmpty()) {
            committed.forEach((path, text) -> write(dir, path, text));
            git(dir, "add", "-A");
            git(dir, "commit", "-q", "-m", "initial");
        }
        return dir;
    }

    public static String git(Path dir, String... args) {
        return GIT.output(dir, args).strip();
    }

    public static void write(Path root, String path, String text) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under the folder (not {@code .git}) with its text, by relative path. */
    public static Map<String, String> files(Path root) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(file -> {
                String path = root.relativize(file).toString().replace('\\', '/');
                if (!path.equals(".git") && !path.startsWith(".git/")) {
                    files.put(path, new String(bytes(file), StandardCharsets.UTF_8));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The paths a commit records, one per line. */
    public static String tree(Path dir, String commit) {
        return git(dir, "ls-tree", "-r", "--name-only", commit);
    }
}
