package dev.questbench.ui.composer;

import dev.questbench.ui.common.TaskRunner;
import dev.questbench.workspace.files.FileIndex;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The file index of the selected quest's workspace for {@code @} completion: built in the background the first
 * time it is needed, kept while fresh, rebuilt in the background (the old one still answering) once older than
 * {@link #STALE_AFTER} or on {@link #refresh()}. FX thread only.
 */
final class MentionIndex {
    static final Duration STALE_AFTER = Duration.ofMinutes(2);

    private final TaskRunner tasks;
    private Path root;
    private FileIndex index;
    private boolean building;
    private long generation;
    private Runnable onBuilt = () -> { };
    private String problem = "";

    MentionIndex(TaskRunner tasks) {
        this.tasks = tasks;
    }

    /** What to do when a new index is ready (the completion searches again). */
    void setOnBuilt(Runnable action) {
        onBuilt = Objects.requireNonNull(action, "action");
    }

    /** Follows another folder (null: none); the old index is dropped. */
    void follow(Path folder) {
        if (Objects.equals(folder, root)) {
            return;
        }
        generation++;
        root = folder;
        index = null;
        building = false;
        problem = "";
    }

    Path root() {
        return root;
    }

    /** The index to search now, or null while the first one is being built; starts a build when due. */
    FileIndex current() {
        if (root != null && !building && (index == null
                || index.builtAt().plus(STALE_AFTER).isBefore(Instant.now()))) {
            build();
        }
        return index;
    }

    /** Empty, or why the folder could not be indexed. */
    String problem() {
        return problem;
    }

    boolean building() {
        return building;
    }

    /** Rebuilds now (the user asked, or files were added). */
    void refresh() {
        if (root != null && !building) {
            build();
        }
    }

    private void build() {
        Path folder = root;
        long mine = generation;
        building = true;
        tasks.run(() -> FileIndex.build(folder), built -> {
            if (mine == generation) {
                building = false;
                index = built;
                problem = "";
                onBuilt.run();
            }
        }, failure -> {
            if (mine == generation) {
                building = false;
                problem = "The files of " + folder + " could not be listed (" + failure.getMessage() + ").";
                onBuilt.run();
            }
        });
    }
}
