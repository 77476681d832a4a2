package dev.questbench.ui.notify;

import dev.questbench.engine.Notification;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The window's toasts, newest first (the ViewModel behind {@link ToastStack}). Clicking a toast opens its
 * quest, or the Schedules page for a missed schedule. Use on the FX thread.
 */
public final class NotificationCenter {
    /** More than this many toasts at once is noise: the oldest one that may go, goes. */
    static final int MAX_TOASTS = 4;

    private final ObservableList<Toast> toasts = FXCollections.observableArrayList();
    private final ObservableList<Toast> toastsView = FXCollections.unmodifiableObservableList(toasts);
    private final Consumer<String> openQuest;
    private final Runnable openSchedules;

    public NotificationCenter(Consumer<String> openQuest, Runnable openSchedules) {
        this.openQuest = Objects.requireNonNull(openQuest);
        this.openSchedules = Objects.requireNonNull(openSchedules);
    }

    // ---- properties ----------------------------------------------------------------------------

    /** Shown toasts, newest first. */
    public ObservableList<Toast> toasts() {
        return toastsView;
    }

    // ---- commands ------------------------------------------------------------------------------

    public void show(Toast toast) {
        toasts.add(0, toast);
        while (toasts.size() > MAX_TOASTS) {
            toasts.remove(oldestRemovable());
        }
    }

    public void dismiss(Toast toast) {
        toasts.remove(toast);
    }

    /** The user clicked the toast: it goes away and what it is about opens. */
    public void activate(Toast toast) {
        dismiss(toast);
        if (toast.kind() == Notification.Kind.MISSED_SCHEDULE) {
            openSchedules.run();
        } else if (toast.questId() != null) {
            openQuest.accept(toast.questId());
        }
    }

    /** The user opened this quest some other way: its toasts have done their job. */
    public void questOpened(String questId) {
        if (questId != null) {
            toasts.removeIf(toast -> questId.equals(toast.questId())
                    && toast.kind() != Notification.Kind.MISSED_SCHEDULE);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** The oldest toast that is not sticky; when all are sticky, the oldest of all. */
    private int oldestRemovable() {
        for (int i = toasts.size() - 1; i >= 0; i--) {
            if (!toasts.get(i).sticky()) {
                return i;
            }
        }
        return toasts.size() - 1;
    }
}
