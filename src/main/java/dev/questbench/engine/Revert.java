package dev.questbench.engine;

import dev.questbench.domain.Quest;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.Store;
import dev.questbench.workspace.checkpoint.Checkpoints;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reverting a turn puts the quest's folder back as it was before that turn, from the checkpoint taken then, and
 * journals {@code quest.reverted} with a snapshot of the files just before, so the revert can be diffed and undone.
 * Editing a sent message reverts to that message's turn, then sends the new text. Callers make sure the quest is not
 * running and call from a background thread: git runs here.
 */
public final class Revert {
    private static final Set<String> MESSAGES = Set.of("user.message");
    private static final Set<String> CHECKPOINTS = Set.of("quest.checkpoint");

    private final Store store;
    private final Checkpoints checkpoints;
    private final WorkingDirectories directories;

    /** @param directories where each quest works: the same as the executor's (see {@link #forExecutor}) */
    public Revert(Store store, Checkpoints checkpoints, WorkingDirectories directories) {
        this.store = store;
        this.checkpoints = checkpoints;
        this.directories = directories;
    }

    /** Reverts the way the executor finds each quest's folder, also after its working directories change. */
    public static Revert forExecutor(Store store, Checkpoints checkpoints, QuestExecutor executor) {
        return new Revert(store, checkpoints,
                (quest, journal) -> executor.workingDirectories().resolve(quest, journal));
    }

    /**
     * Restores the files to the checkpoint taken before {@code turn} (counting from 1) and journals it.
     *
     * @throws IllegalStateException when no checkpoint was taken before that turn, or the quest has no folder
     */
    public QuestEvent.Reverted revertTurn(String questId, int turn) {
        Quest quest = quest(questId);
        QuestEvent.Checkpoint checkpoint = checkpointBefore(store, questId, turn).orElseThrow(
                () -> new IllegalStateException("No checkpoint was taken before turn " + turn + " of this quest "
                        + "(it has no folder, or git could not record it then), so that turn cannot be reverted."));
        Path folder = folder(quest);
        if (folder == null) {
            throw new IllegalStateException("This quest has no folder any more, so there are no files to revert. "
                    + "Pick its workspace again, then revert.");
        }
        String safety = checkpoints.restore(folder, questId, checkpoint.commit());
        QuestEvent.Reverted reverted = new QuestEvent.Reverted(turn, checkpoint.commit(), safety);
        store.journal().append(questId, reverted);
        return reverted;
    }

    /**
     * Edit and re-send: reverts the files to before the turn that message started, then sends {@code newText} as a
     * new message. For a quest with no folder it only sends.
     *
     * @throws IllegalArgumentException when the event is not a message the user sent in this quest
     * @throws IllegalStateException    when the quest has a folder but no checkpoint for that turn; nothing is sent
     */
    public void editAndResend(QuestExecutor executor, String questId, String userMessageEventId, String newText) {
        int turn = turnOfMessage(store, questId, userMessageEventId).orElseThrow(
                () -> new IllegalArgumentException(userMessageEventId + " is not a message the user sent in quest "
                        + questId));
        if (folder(quest(questId)) != null) {
            revertTurn(questId, turn);
        }
        executor.send(questId, newText);
    }

    private Quest quest(String questId) {
        return store.quests().get(questId).orElseThrow(() -> new IllegalArgumentException("No quest " + questId));
    }

    private Path folder(Quest quest) {
        return directories.resolve(quest, event -> store.journal().append(quest.id(), event));
    }

    // ---- turns in the journal: turn n is the one the n-th user.message started (CheckpointHook counts alike)

    /** The turn a journaled user message starts; for an unknown or null id, the turn of the latest message. */
    static int turnOf(Store store, String questId, String messageEventId) {
        List<JournalEntry> messages = store.journal().readByType(questId, MESSAGES, 0);
        int index = indexOf(messages, messageEventId);
        return index < 0 ? messages.size() : index + 1;
    }

    /** The turn a user message started, or empty when the event is not one of this quest's user messages. */
    static Optional<Integer> turnOfMessage(Store store, String questId, String messageEventId) {
        int index = indexOf(store.journal().readByType(questId, MESSAGES, 0), messageEventId);
        return index < 0 ? Optional.empty() : Optional.of(index + 1);
    }

    /** The checkpoint taken before a turn, if one was. */
    static Optional<QuestEvent.Checkpoint> checkpointBefore(Store store, String questId, int turn) {
        QuestEvent.Checkpoint found = null;
        for (JournalEntry entry : store.journal().readByType(questId, CHECKPOINTS, 0)) {
            if (entry.event() instanceof QuestEvent.Checkpoint checkpoint && checkpoint.turn() == turn) {
                found = checkpoint;
            }
        }
        return Optional.ofNullable(found);
    }

    private static int indexOf(List<JournalEntry> messages, String eventId) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).id().equals(eventId)) {
                return i;
            }
        }
        return -1;
    }
}
