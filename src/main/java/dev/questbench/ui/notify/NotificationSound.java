package dev.questbench.ui.notify;

/** The sound a notification makes when the user turned sound on. Called on the notifier's thread. */
public interface NotificationSound {
    NotificationSound NONE = () -> { };

    void play();

    /** A short two-note chime bundled with the app; the system beep where audio output is unavailable. */
    static NotificationSound chime() {
        return new ChimeSound();
    }
}
