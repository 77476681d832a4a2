package dev.questbench.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.Store;
import dev.questbench.workspace.checkpoint.Checkpoints;
import dev.questbench.workspace.diff.DiffScope;
import dev.questbench.workspace.diff.FileDiff;
import dev.questbench.workspace.git.Git;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A quest in a real store working in a real git repository, with real checkpoints before its turns. */
final class ReviewRepo implements AutoCloseable {
    static final Git GIT = Git.locate(System.getenv());
    /** Twenty lines, so changes to line 2 and line 18 make two hunks. */
    static final List<String> LINES = IntStream.rangeClosed(1, 20).mapToObj(i -> "line " + i).toList();

    final Path dir;
    final Path shadows;
    final Store store;
    final String questId;
    private final Checkpoints checkpoints;
    private int turn;

    ReviewRepo(Path root) {
        this.dir = root.resolve("repo");
        this.shadows = root.resolve("shadows");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        git("init", "-q", "-b", "main", ".");
        git("config", "user.name", "Test");
        git("config", "user.email", "test@example.com");
        git("config", "core.autocrlf", "false");
        git("config", "commit.gpgsign", "false");
        this.store = Store.open(root.resolve("data"));
        Quest quest = Quest.create("Review", "Review", null, QuestMode.AGENT, QuestEnvironment.LOCAL, Instant.now());
        store.quests().create(quest);
        this.questId = quest.id();
        this.checkpoints = new Checkpoints(GIT, shadows);
    }

    ReviewSession session() {
        return new ReviewSession(store, GIT, questId, dir, shadows);
    }

    /** Takes the checkpoint before the next turn and journals it, as the executor does. */
    void startTurn() {
        store.journal().append(questId, checkpoints.take(dir, questId, ++turn).event());
    }

    /** The agent writes a file during its turn (journaled as an artifact). */
    void agentWrites(String path, String text) {
        write(path, text);
        store.journal().append(questId, new QuestEvent.Artifact(path, "text/plain", text.length(), "modified"));
    }

    static String lines(String... replacements) {
        List<String> lines = new java.util.ArrayList<>(LINES);
        for (int i = 0; i + 1 < replacements.length; i += 2) {
            lines.set(Integer.parseInt(replacements[i]) - 1, replacements[i + 1]);
        }
        return lines.stream().collect(Collectors.joining("\n", "", "\n"));
    }

    String git(String... args) {
        return GIT.output(dir, args);
    }

    void write(String path, String text) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(String path) {
        try {
            return Files.readString(dir.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean exists(String path) {
        return Files.exists(dir.resolve(path));
    }

    void commitAll() {
        git("add", "-A");
        git("commit", "-q", "-m", "base");
    }

    static FileDiff only(List<FileDiff> files, String path) {
        List<FileDiff> matching = files.stream().filter(file -> path.equals(file.path())).toList();
        assertEquals(1, matching.size(), () -> "changes to " + path + " in " + files);
        return matching.get(0);
    }

    static FileDiff file(ReviewSession session, DiffScope scope, String path) {
        return only(session.load(scope), path);
    }

    @Override
    public void close() {
        store.close();
    }
}
