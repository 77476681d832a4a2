package dev.questbench.engine;

/**
 * Delivers notifications (toasts, OS notifications, sound). The ui implements it; headless modes log.
 * Called from engine threads: implementations hand off to their own thread and return at once.
 */
@FunctionalInterface
public interface Notifier {
    void notify(Notification notification);

    Notifier NONE = notification -> {
    };
}
