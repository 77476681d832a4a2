package dev.questbench.ui.notify;

/**
 * The operating system's own notifications (the bubbles the desktop shows outside the window). Blocking:
 * the notifier calls it on its own thread.
 */
public interface OsNotifications {
    OsNotifications NONE = (title, message, urgent) -> { };

    /**
     * Shows one notification, or does nothing where the platform offers no way without native code.
     *
     * @param urgent it waits for the user (Action Required): desktops that can keep it on screen do
     */
    void show(String title, String message, boolean urgent);

    /** {@code notify-send} on Linux, {@code osascript} on macOS, a PowerShell toast on Windows; else nothing. */
    static OsNotifications forThisPlatform() {
        return CommandNotifications.detect(System.getProperty("os.name", ""), System.getenv("PATH"));
    }
}
