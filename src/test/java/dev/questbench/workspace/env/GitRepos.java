package dev.questbench.workspace.env;

import dev.questbench.workspace.git.Git;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real git repositories in temporary folders for tests: an identity, no signing, branch {@code main}. */
public final class GitRepos {
    public static final Git GIT = Git.locate(System.getenv());

    private GitRepos() {
    }

    /** A new repository with no commit. */
    public static Path empty(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        git(dir, "init", "-q", "-b", "main");
        git(dir, "config", "user.name", "Test");
        git(dir, "config", "user.email", "test@example.com");
        git(dir, "config", "commit.gpgsign", "false");
        return dir;
    }

    /** A repository on {@code main} with {@code a.txt}, {@code b.txt} and a {@code .gitignore} for *.log, committed. */
    public static Path withCommit(Path dir) {
        empty(dir);
        write(dir, "a.txt", "alpha\n");
        write(dir, "b.txt", "beta\n");
        write(dir, ".gitignore", "*.log\n");
        commitAll(dir, "initial");
        return dir;
    }

    public static String git(Path dir, String... args) {
        return GIT.output(dir, args);
    }

    public static void commitAll(Path dir, String message) {
        git(dir, "add", "-A");
        git(dir, "commit", "-q", "-m", message);
    }

    public static Path write(Path dir, String relative, String text) {
        Path file = dir.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
