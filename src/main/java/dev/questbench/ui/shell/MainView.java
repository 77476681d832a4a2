package dev.questbench.ui.shell;

/** What the main area shows: the selected quest's conversation, or the My Quests board. */
public enum MainView {
    QUEST, BOARD
}
