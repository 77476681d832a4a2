package dev.questbench.ui.shell;

/** What the main area shows: the selected quest's conversation, the My Quests board, or the Schedules page. */
public enum MainView {
    QUEST, BOARD, SCHEDULES;

    /** The view a remembered name stands for; the conversation when the name is unknown or missing. */
    static MainView named(String name) {
        for (MainView view : values()) {
            if (view.name().equals(name)) {
                return view;
            }
        }
        return QUEST;
    }
}
