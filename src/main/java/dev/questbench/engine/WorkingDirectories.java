package dev.questbench.engine;

import dev.questbench.domain.Quest;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.Store;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Where a quest's agent works: the workspace folder (Local), or the quest's worktree, created on first use
 * (Worktree). Called on the worker thread before a session opens and before each checkpoint.
 */
@FunctionalInterface
public interface WorkingDirectories {

    /**
     * The folder for this quest, or null when it has no workspace.
     *
     * @param journal appends facts to the quest's journal (e.g. a setup script's output)
     * @throws IllegalStateException with a message for the user when the folder cannot be made ready
     */
    Path resolve(Quest quest, Consumer<QuestEvent> journal);

    /** The workspace folder itself, for every quest. */
    static WorkingDirectories workspaces(Store store) {
        return (quest, journal) -> quest.workspaceId() == null ? null
                : store.workspaces().get(quest.workspaceId()).map(workspace -> Path.of(workspace.path()))
                        .orElse(null);
    }
}
