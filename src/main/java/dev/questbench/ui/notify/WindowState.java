package dev.questbench.ui.notify;

/** What the notifier needs to know about the window, asked on the FX thread when a notification arrives. */
public interface WindowState {

    /** Whether one of Questbench's windows (the main one or a dialog of it) has the keyboard focus. */
    boolean appFocused();

    /** The quest whose conversation is on screen now, or null (board, schedules, nothing selected). */
    String shownQuestId();
}
