package dev.questbench.workspace.diff;

/** Which changes the review shows. */
public enum DiffScope {
    /** The quest's first checkpoint → the working tree now. */
    CURRENT_QUEST,
    /** The quest's last checkpoint → now: what the last turn did. */
    LAST_TURN,
    /** HEAD → the working tree, staged and unstaged marked. */
    ALL_UNCOMMITTED
}
