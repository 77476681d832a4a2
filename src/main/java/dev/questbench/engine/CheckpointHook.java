package dev.questbench.engine;

import dev.questbench.agent.UserInput;
import dev.questbench.domain.Quest;
import dev.questbench.store.Store;
import dev.questbench.workspace.checkpoint.Checkpoint;
import dev.questbench.workspace.checkpoint.Checkpoints;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Before each turn, records the quest's folder as a checkpoint and journals it ({@code quest.checkpoint}), so the
 * turn can be reverted and its changes reviewed. Turn n is the one the n-th user message starts. A checkpoint that
 * cannot be taken (git broke, the folder is not writable) never stops the turn: it is logged, nothing is journaled,
 * and that turn cannot be reverted. Quests with no folder get no checkpoints.
 */
public final class CheckpointHook implements TurnHook {
    private static final System.Logger LOG = System.getLogger(CheckpointHook.class.getName());

    private final Store store;
    private final Checkpoints checkpoints;
    private final WorkingDirectories directories;

    /** @param directories where each quest works: the same as the executor's (see {@link #forExecutor}) */
    public CheckpointHook(Store store, Checkpoints checkpoints, WorkingDirectories directories) {
        this.store = store;
        this.checkpoints = checkpoints;
        this.directories = directories;
    }

    /** A hook that finds each quest's folder as the executor does, also after its working directories change. */
    public static CheckpointHook forExecutor(Store store, Checkpoints checkpoints, QuestExecutor executor) {
        return new CheckpointHook(store, checkpoints,
                (quest, journal) -> executor.workingDirectories().resolve(quest, journal));
    }

    @Override
    public UserInput beforeSend(String questId, UserInput input) {
        try {
            checkpoint(questId, input.messageEventId());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "no checkpoint before this turn of " + questId
                    + "; the turn runs without one and cannot be reverted: " + e.getMessage(), e);
        }
        return input;
    }

    /** Takes and journals the checkpoint before the turn this message starts; empty when there is nothing to do. */
    Optional<Checkpoint> checkpoint(String questId, String messageEventId) {
        Quest quest = store.quests().get(questId).orElse(null);
        if (quest == null) {
            return Optional.empty();
        }
        Path folder = directories.resolve(quest, event -> store.journal().append(questId, event));
        if (folder == null) {
            return Optional.empty();
        }
        int turn = Revert.turnOf(store, questId, messageEventId);
        if (turn < 1 || Revert.checkpointBefore(store, questId, turn).isPresent()) {
            return Optional.empty(); // the message is sent again after a restart: the first checkpoint stands
        }
        Checkpoint checkpoint = checkpoints.take(folder, questId, turn);
        store.journal().append(questId, checkpoint.event());
        return Optional.of(checkpoint);
    }
}
