package dev.questbench.ui.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.engine.Notification;
import dev.questbench.engine.Notification.Kind;
import dev.questbench.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notifier end to end with settings in a real store and stand-ins for the OS, the sound and the window. */
class DesktopNotifierTest {
    @TempDir
    Path dir;
    private Store store;
    private final List<Runnable> background = new ArrayList<>();
    private final List<String> osShown = new ArrayList<>();
    private int chimes;
    private boolean focused;
    private String shownQuest;
    private final List<String> opened = new ArrayList<>();
    private NotificationCenter center;
    private DesktopNotifier notifier;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        Executor queued = background::add;
        notifier = new DesktopNotifier(store.settings(), queued, Runnable::run,
                (title, message, urgent) -> osShown.add(title + "|" + message + (urgent ? "|urgent" : "")),
                () -> chimes++);
        center = new NotificationCenter(opened::add, () -> opened.add("schedules"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void attach() {
        notifier.attach(center, new WindowState() {
            @Override
            public boolean appFocused() {
                return focused;
            }

            @Override
            public String shownQuestId() {
                return shownQuest;
            }
        });
    }

    /** Runs the notifier's thread until it has nothing left (OS commands and sounds are queued there too). */
    private void drain() {
        while (!background.isEmpty()) {
            background.remove(0).run();
        }
    }

    @Test
    void notifyReturnsAtOnceAndTheWorkHappensOnTheNotifiersThread() {
        attach();
        notifier.notify(new Notification(Kind.READY, "q1", "Orders", "Finished."));
        assertTrue(center.toasts().isEmpty(), "nothing happened on the caller's thread");
        drain();
        assertEquals(1, center.toasts().size());
        assertEquals(List.of("Ready: Orders|Finished."), osShown, "the window is in the background");
    }

    @Test
    void focusedWindowGetsAToastButNoOsNotification() {
        attach();
        focused = true;
        notifier.notify(new Notification(Kind.ACTION_REQUIRED, "q1", "Orders", "Waiting for your approval."));
        drain();
        assertEquals(1, center.toasts().size());
        assertTrue(center.toasts().get(0).sticky());
        assertTrue(osShown.isEmpty());
    }

    @Test
    void settingsAreRespected() {
        attach();
        store.settings().set(NotificationSettings.ERROR, false);
        store.settings().set(NotificationSettings.DESKTOP, false);
        store.settings().set(NotificationSettings.SOUND, true);
        notifier.notify(new Notification(Kind.ERROR, "q1", "Orders", "Ollama is not running"));
        notifier.notify(new Notification(Kind.ACTION_REQUIRED, "q2", "Schema", "Waiting"));
        drain();
        assertEquals(List.of("q2"), center.toasts().stream().map(Toast::questId).toList(), "errors are off");
        assertTrue(osShown.isEmpty(), "desktop notifications are off");
        assertEquals(1, chimes, "sound is on");
    }

    @Test
    void theUrgentFlagMarksActionRequiredForTheOs() {
        attach();
        notifier.notify(new Notification(Kind.ACTION_REQUIRED, "q1", "Orders", "Waiting"));
        drain();
        assertEquals(List.of("Action required: Orders|Waiting|urgent"), osShown);
    }

    @Test
    void noToastForTheQuestOnScreen() {
        attach();
        focused = true;
        shownQuest = "q1";
        notifier.notify(new Notification(Kind.READY, "q1", "Orders", "Finished."));
        notifier.notify(new Notification(Kind.READY, "q2", "Docs", "Finished."));
        drain();
        assertEquals(List.of("q2"), center.toasts().stream().map(Toast::questId).toList());
    }

    @Test
    void notificationsBeforeTheWindowWaitForIt() {
        notifier.notify(new Notification(Kind.MISSED_SCHEDULE, null, "Digest", "Missed 3 runs"));
        drain();
        assertTrue(osShown.isEmpty());
        attach();
        drain();
        assertEquals(1, center.toasts().size());
        center.activate(center.toasts().get(0));
        assertEquals(List.of("schedules"), opened, "a missed schedule opens the Schedules page");
    }

    @Test
    void theTestNotificationIgnoresTheFocus() {
        attach();
        focused = true;
        notifier.test();
        drain();
        assertEquals(1, center.toasts().size());
        assertEquals(1, osShown.size());
    }
}
