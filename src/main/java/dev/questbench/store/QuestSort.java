package dev.questbench.store;

/** Orders for quest lists; pinned quests always come first. */
public enum QuestSort {
    RECENT_ACTIVITY, CREATED, TITLE, STATUS
}
