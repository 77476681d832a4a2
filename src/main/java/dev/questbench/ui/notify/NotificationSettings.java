package dev.questbench.ui.notify;

import dev.questbench.engine.Notification;
import dev.questbench.store.Setting;
import dev.questbench.store.Settings;
import java.util.EnumMap;
import java.util.Map;

/** The notification settings (Settings ▸ Notifications) and a snapshot of them as the notifier reads them. */
public final class NotificationSettings {
    /** OS notifications (the desktop's own bubbles) while Questbench is in the background. */
    public static final Setting<Boolean> DESKTOP = Setting.of("notify.desktop", Boolean.class, Boolean.TRUE);
    /** A short chime with each notification; off unless the user asks for it. */
    public static final Setting<Boolean> SOUND = Setting.of("notify.sound", Boolean.class, Boolean.FALSE);
    public static final Setting<Boolean> ACTION_REQUIRED =
            Setting.of("notify.kind.actionRequired", Boolean.class, Boolean.TRUE);
    public static final Setting<Boolean> READY = Setting.of("notify.kind.ready", Boolean.class, Boolean.TRUE);
    public static final Setting<Boolean> ERROR = Setting.of("notify.kind.error", Boolean.class, Boolean.TRUE);
    public static final Setting<Boolean> MISSED_SCHEDULE =
            Setting.of("notify.kind.missedSchedule", Boolean.class, Boolean.TRUE);

    private NotificationSettings() {
    }

    /** The on/off setting of one kind of notification. */
    public static Setting<Boolean> of(Notification.Kind kind) {
        return switch (kind) {
            case ACTION_REQUIRED -> ACTION_REQUIRED;
            case READY -> READY;
            case ERROR -> ERROR;
            case MISSED_SCHEDULE -> MISSED_SCHEDULE;
        };
    }

    /** Reads every notification setting; blocks on the store, so call it off the FX thread. */
    public static Preferences read(Settings settings) {
        Map<Notification.Kind, Boolean> kinds = new EnumMap<>(Notification.Kind.class);
        for (Notification.Kind kind : Notification.Kind.values()) {
            kinds.put(kind, settings.get(of(kind)));
        }
        return new Preferences(settings.get(DESKTOP), settings.get(SOUND), kinds);
    }

    /** What the user chose: OS notifications, sound, and which kinds notify at all. */
    public record Preferences(boolean desktop, boolean sound, Map<Notification.Kind, Boolean> kinds) {
        public Preferences {
            kinds = Map.copyOf(kinds);
        }

        /** The defaults: every kind, OS notifications on, sound off. */
        public static Preferences defaults() {
            Map<Notification.Kind, Boolean> all = new EnumMap<>(Notification.Kind.class);
            for (Notification.Kind kind : Notification.Kind.values()) {
                all.put(kind, Boolean.TRUE);
            }
            return new Preferences(true, false, all);
        }

        public boolean enabled(Notification.Kind kind) {
            return kinds.getOrDefault(kind, Boolean.TRUE);
        }

        public Preferences withKind(Notification.Kind kind, boolean on) {
            Map<Notification.Kind, Boolean> changed = new EnumMap<>(kinds);
            changed.put(kind, on);
            return new Preferences(desktop, sound, changed);
        }

        public Preferences withDesktop(boolean on) {
            return new Preferences(on, sound, kinds);
        }

        public Preferences withSound(boolean on) {
            return new Preferences(desktop, on, kinds);
        }
    }
}
