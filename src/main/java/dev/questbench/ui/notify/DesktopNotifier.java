package dev.questbench.ui.notify;

import dev.questbench.engine.Notification;
import dev.questbench.engine.Notifier;
import dev.questbench.store.Settings;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;

/**
 * The desktop app's {@link Notifier}: in-app toasts, OS notifications and an optional sound, as the user's
 * settings and {@link NotificationRoute} say. {@link #notify} returns at once: settings are read, commands
 * run and sounds play on the notifier's own thread; the window is asked and toasts are shown on the FX thread.
 * Notifications that arrive before the window exists (missed schedules found at start) wait for
 * {@link #attach} and are shown then.
 */
public final class DesktopNotifier implements Notifier, AutoCloseable {
    /** Notifications kept while no window is attached; older ones beyond this are dropped. */
    static final int MAX_WAITING = 20;
    private static final Logger LOG = Logger.getLogger(DesktopNotifier.class.getName());

    private final Settings settings;
    private final Executor background;
    private final Executor fx;
    private final OsNotifications os;
    private final NotificationSound sound;
    private final ExecutorService ownThread;
    // FX thread only:
    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private NotificationCenter center;
    private WindowState window;

    /**
     * @param background runs settings reads, OS commands and sounds (one thread keeps them in order)
     * @param fx         runs on the FX thread
     */
    public DesktopNotifier(Settings settings, Executor background, Executor fx, OsNotifications os,
                           NotificationSound sound) {
        this(settings, background, fx, os, sound, null);
    }

    private DesktopNotifier(Settings settings, Executor background, Executor fx, OsNotifications os,
                            NotificationSound sound, ExecutorService ownThread) {
        this.settings = Objects.requireNonNull(settings);
        this.background = Objects.requireNonNull(background);
        this.fx = Objects.requireNonNull(fx);
        this.os = Objects.requireNonNull(os);
        this.sound = Objects.requireNonNull(sound);
        this.ownThread = ownThread;
    }

    /** The production notifier: its own daemon thread, this platform's OS notifications, the bundled chime. */
    public static DesktopNotifier create(Settings settings) {
        return create(settings, Platform::runLater);
    }

    /** The same, handing its work for the window to {@code fx} (which may hold it until the toolkit runs). */
    public static DesktopNotifier create(Settings settings, Executor fx) {
        ExecutorService thread = Executors.newSingleThreadExecutor(work -> {
            Thread t = new Thread(work, "questbench-notifier");
            t.setDaemon(true);
            return t;
        });
        return new DesktopNotifier(settings, thread, fx, OsNotifications.forThisPlatform(),
                NotificationSound.chime(), thread);
    }

    /** Called from engine threads; returns at once. */
    @Override
    public void notify(Notification notification) {
        submit(() -> {
            NotificationSettings.Preferences preferences = preferences();
            if (preferences.enabled(notification.kind())) {
                fx.execute(() -> deliver(notification, preferences, false));
            }
        });
    }

    /** Settings ▸ Send a test notification: toast, OS notification and sound as set, whatever has the focus. */
    public void test() {
        Notification sample = new Notification(Notification.Kind.READY, null, "Test notification",
                "Notifications from Questbench look like this.");
        submit(() -> {
            NotificationSettings.Preferences preferences = preferences();
            fx.execute(() -> deliver(sample, preferences, true));
        });
    }

    /** Connects the window (on the FX thread); notifications that waited for it are shown now. */
    public void attach(NotificationCenter toasts, WindowState state) {
        this.center = Objects.requireNonNull(toasts);
        this.window = Objects.requireNonNull(state);
        while (!waiting.isEmpty()) {
            Waiting next = waiting.pollFirst();
            deliver(next.notification(), next.preferences(), false);
        }
    }

    /** Stops the notifier's own thread; later notifications are dropped. */
    @Override
    public void close() {
        if (ownThread != null) {
            ownThread.shutdown();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private void deliver(Notification notification, NotificationSettings.Preferences preferences, boolean test) {
        if (center == null) {
            if (waiting.size() == MAX_WAITING) {
                waiting.pollFirst();
            }
            waiting.addLast(new Waiting(notification, preferences));
            return;
        }
        boolean focused = !test && window.appFocused();
        boolean shown = notification.questId() != null && notification.questId().equals(window.shownQuestId());
        NotificationRoute route = NotificationRoute.decide(notification.kind(), preferences, focused, shown);
        if (route.toast()) {
            center.show(Toast.of(notification));
        }
        if (route.os()) {
            String title = Toast.heading(notification.kind()) + ": " + notification.title();
            boolean urgent = notification.kind() == Notification.Kind.ACTION_REQUIRED;
            String message = notification.message() == null ? "" : notification.message();
            submit(() -> os.show(title, message, urgent));
        }
        if (route.sound()) {
            submit(sound::play);
        }
    }

    private NotificationSettings.Preferences preferences() {
        try {
            return NotificationSettings.read(settings);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "notification settings unreadable; using the defaults", e);
            return NotificationSettings.Preferences.defaults();
        }
    }

    private void submit(Runnable work) {
        try {
            background.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "notification failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            // closed: the app is going away
        }
    }

    private record Waiting(Notification notification, NotificationSettings.Preferences preferences) {
    }
}
