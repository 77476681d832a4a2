package dev.questbench.preview;

import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.workspace.git.Git;
import dev.questbench.workspace.git.GitResult;
import dev.questbench.workspace.git.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Earlier states of an artifact, from the checkpoints taken before each turn: the file as it was before turn N,
 * written to a private folder so it can be previewed like any file. Runs git: call it off the FX thread.
 */
public final class FileVersions {
    private final Git git;
    private final Path shadowRoot;
    private final Path cache;

    /** One state of a file: before which turn, and the checkpoint commit holding it (null: the file now). */
    public record Version(String label, String commit) {
        public static final Version NOW = new Version("Now", null);

        @Override
        public String toString() {
            return label;
        }
    }

    /** @param cache where earlier versions are written to be previewed */
    public FileVersions(Git git, Path shadowRoot, Path cache) {
        this.git = git;
        this.shadowRoot = shadowRoot;
        this.cache = cache;
    }

    /**
     * "Now" then each checkpoint that holds a different content of the file, newest first (a turn that did not
     * change it adds no version).
     */
    public List<Version> list(List<JournalEntry> checkpoints, Path folder, String path) {
        Snapshot.Location location = new Snapshot(git).locate(folder, shadowRoot);
        String repoPath = repoPath(location, folder, path);
        List<Version> versions = new ArrayList<>();
        String newerBlob = blobNow(folder.resolve(path));
        for (int i = checkpoints.size() - 1; i >= 0; i--) {
            QuestEvent.Checkpoint checkpoint = (QuestEvent.Checkpoint) checkpoints.get(i).event();
            GitResult blob = git.run(location.workTree(), List.of("rev-parse", "--verify", "-q",
                    checkpoint.commit() + ":" + repoPath), location.env(), null, Git.DEFAULT_TIMEOUT);
            if (!blob.ok()) {
                break; // the file did not exist yet before this turn
            }
            String id = blob.text().strip();
            if (!id.equals(newerBlob)) {
                versions.add(new Version("Before turn " + checkpoint.turn(), checkpoint.commit()));
                newerBlob = id;
            }
        }
        versions.add(0, Version.NOW);
        return versions;
    }

    /** Writes the file as the version holds it to the cache and returns where (the file itself for "Now"). */
    public Path extract(Version version, Path folder, String path) throws IOException {
        Path current = folder.resolve(path);
        if (version.commit() == null) {
            return current;
        }
        Snapshot.Location location = new Snapshot(git).locate(folder, shadowRoot);
        GitResult shown = git.run(location.workTree(), List.of("cat-file", "blob", version.commit() + ":"
                + repoPath(location, folder, path)), location.env(), null, Git.DEFAULT_TIMEOUT);
        if (!shown.ok()) {
            throw new IOException("That version of " + path + " is no longer kept (" + shown.stderr().strip() + ").");
        }
        Path target = cache.resolve(version.commit()).resolve(current.getFileName().toString());
        Files.createDirectories(target.getParent());
        if (!Files.exists(target) || !Arrays.equals(Files.readAllBytes(target), shown.stdout())) {
            Files.write(target, shown.stdout());
        }
        return target;
    }

    private String blobNow(Path file) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        GitResult hash = git.run(file.getParent(), List.of("hash-object", "--no-filters", file.toString()), java.util.Map.of(),
                null, Git.DEFAULT_TIMEOUT);
        return hash.ok() ? hash.text().strip() : "";
    }

    private static String repoPath(Snapshot.Location location, Path folder, String path) {
        Path file = folder.toAbsolutePath().normalize().resolve(path).normalize();
        Path tree = location.workTree().toAbsolutePath().normalize();
        try {
            tree = tree.toRealPath();
            file = file.getParent().toRealPath().resolve(file.getFileName());
        } catch (IOException e) {
            // keep the normalised paths
        }
        return tree.relativize(file).toString().replace('\\', '/');
    }
}
