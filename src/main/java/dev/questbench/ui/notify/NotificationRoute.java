package dev.questbench.ui.notify;

import dev.questbench.engine.Notification;

/**
 * Where one notification goes: an in-app toast, an OS notification, a sound. The rules live in
 * {@link #decide}, a pure function, so they are tested without a window.
 */
public record NotificationRoute(boolean toast, boolean os, boolean sound) {
    public static final NotificationRoute NOWHERE = new NotificationRoute(false, false, false);

    /**
     * The rules: a kind switched off goes nowhere; a toast shows unless the user is already looking at that
     * very quest in a focused window; the OS notifies only while no Questbench window has the focus (the
     * desktop would otherwise repeat the toast); the sound plays when either of them is shown.
     *
     * @param appFocused a Questbench window (the main one or one of its dialogs) has the keyboard focus
     * @param questShown the notification's quest is the one whose conversation is open now
     */
    public static NotificationRoute decide(Notification.Kind kind, NotificationSettings.Preferences preferences,
                                           boolean appFocused, boolean questShown) {
        if (!preferences.enabled(kind)) {
            return NOWHERE;
        }
        boolean lookingAtIt = appFocused && questShown && kind != Notification.Kind.MISSED_SCHEDULE;
        boolean toast = !lookingAtIt;
        boolean os = preferences.desktop() && !appFocused;
        boolean sound = preferences.sound() && (toast || os);
        return new NotificationRoute(toast, os, sound);
    }

    public boolean anywhere() {
        return toast || os || sound;
    }
}
