package dev.questbench.ui.notify;

import dev.questbench.engine.Notification;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One in-app notification card. Action Required toasts are sticky (they stay until clicked or closed);
 * the others go away by themselves. {@code serial} keeps two toasts with the same text apart.
 */
public record Toast(long serial, Notification.Kind kind, String questId, String title, String message) {
    private static final AtomicLong SERIALS = new AtomicLong();

    public static Toast of(Notification notification) {
        return new Toast(SERIALS.incrementAndGet(), notification.kind(), notification.questId(),
                notification.title() == null ? "" : notification.title(),
                notification.message() == null ? "" : notification.message());
    }

    public boolean sticky() {
        return kind == Notification.Kind.ACTION_REQUIRED;
    }

    /** The small heading above the title: what happened. */
    public String heading() {
        return heading(kind);
    }

    static String heading(Notification.Kind kind) {
        return switch (kind) {
            case ACTION_REQUIRED -> "Action required";
            case READY -> "Ready";
            case ERROR -> "Error";
            case MISSED_SCHEDULE -> "Missed schedule";
        };
    }
}
