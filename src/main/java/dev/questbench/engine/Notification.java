package dev.questbench.engine;

/** Something a person should hear about without watching the board. */
public record Notification(Kind kind, String questId, String title, String message) {

    /** Why the notification was raised. */
    public enum Kind {
        ACTION_REQUIRED, READY, ERROR, MISSED_SCHEDULE
    }
}
