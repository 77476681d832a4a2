package dev.questbench.workspace.checkpoint;

import dev.questbench.domain.event.QuestEvent;

/**
 * The snapshot of a quest's folder taken before one of its turns.
 *
 * @param turn   the turn it was taken before, counting from 1
 * @param ref    where git keeps it: {@code refs/questbench/<quest>/<turn>}
 * @param commit the snapshot's commit id
 */
public record Checkpoint(int turn, String ref, String commit) {

    /** The journal's record of this checkpoint. */
    public QuestEvent.Checkpoint event() {
        return new QuestEvent.Checkpoint(turn, ref, commit);
    }
}
