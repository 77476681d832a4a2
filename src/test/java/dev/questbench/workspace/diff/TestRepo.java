package dev.questbench.workspace.diff;

import dev.questbench.workspace.git.Git;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A real git repository in a temporary folder, with a fixed identity and byte-exact files. */
final class TestRepo {
    static final Git GIT = Git.locate(System.getenv());

    final Path dir;

    private TestRepo(Path dir) {
        this.dir = dir;
    }

    static TestRepo init(Path dir) throws IOException {
        Files.createDirectories(dir);
        TestRepo repo = new TestRepo(dir);
        repo.git("init", "-q");
        repo.git("config", "user.name", "Test");
        repo.git("config", "user.email", "test@example.com");
        repo.git("config", "core.autocrlf", "false");
        repo.git("config", "core.fileMode", "true");
        repo.git("config", "commit.gpgsign", "false");
        return repo;
    }

    TestRepo write(String path, String text) throws IOException {
        return write(path, text.getBytes(StandardCharsets.UTF_8));
    }

    TestRepo write(String path, byte[] bytes) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return this;
    }

    String git(String... args) {
        return GIT.output(dir, args);
    }

    void commitAll(String message) {
        git("add", "-A");
        git("commit", "-q", "-m", message);
    }

    /** {@code git diff} with the product's flags and {@code extra} (e.g. {@code --cached}, a commit). */
    byte[] diffOutput(String... extra) {
        List<String> args = new ArrayList<>(List.of("diff"));
        args.addAll(Diffs.FLAGS);
        args.addAll(List.of(extra));
        return GIT.checked(dir, args, Map.of(), null).stdout();
    }

    /** The parsed change from HEAD to the index (everything staged first). */
    List<FileDiff> stagedDiff() {
        git("add", "-A");
        return DiffParser.parse(diffOutput("--cached", "HEAD"));
    }

    /** Lines of {@code n} numbered rows, each ending in a newline. */
    static String rows(int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i <= to; i++) {
            text.append("line ").append(i).append('\n');
        }
        return text.toString();
    }
}
