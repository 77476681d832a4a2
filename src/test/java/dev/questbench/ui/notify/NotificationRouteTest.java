package dev.questbench.ui.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.questbench.engine.Notification.Kind;
import dev.questbench.ui.notify.NotificationSettings.Preferences;
import org.junit.jupiter.api.Test;

/** Which notifications go where: kinds, settings and the focus rule. */
class NotificationRouteTest {
    private static final Preferences DEFAULTS = Preferences.defaults();

    private static NotificationRoute route(Kind kind, Preferences preferences, boolean focused, boolean shown) {
        return NotificationRoute.decide(kind, preferences, focused, shown);
    }

    @Test
    void everyKindNotifiesByDefaultWithoutSound() {
        for (Kind kind : Kind.values()) {
            assertEquals(new NotificationRoute(true, true, false), route(kind, DEFAULTS, false, false), kind.name());
            assertEquals(new NotificationRoute(true, false, false), route(kind, DEFAULTS, true, false), kind.name());
        }
    }

    @Test
    void theOsNotifiesOnlyWhileNoQuestbenchWindowHasTheFocus() {
        assertEquals(false, route(Kind.READY, DEFAULTS, true, false).os(), "the toast is enough when looking");
        assertEquals(true, route(Kind.READY, DEFAULTS, false, false).os());
        assertEquals(true, route(Kind.READY, DEFAULTS, false, true).os(), "shown but in the background");
    }

    @Test
    void noToastForTheQuestTheUserIsLookingAt() {
        assertEquals(NotificationRoute.NOWHERE, route(Kind.ERROR, DEFAULTS, true, true));
        assertEquals(true, route(Kind.ERROR, DEFAULTS, false, true).toast(), "the window is in the background");
        assertEquals(true, route(Kind.MISSED_SCHEDULE, DEFAULTS, true, true).toast(), "a schedule is not a quest view");
    }

    @Test
    void aKindSwitchedOffGoesNowhere() {
        Preferences noReady = DEFAULTS.withKind(Kind.READY, false).withSound(true);
        assertEquals(NotificationRoute.NOWHERE, route(Kind.READY, noReady, false, false));
        assertEquals(new NotificationRoute(true, true, true), route(Kind.ERROR, noReady, false, false));
    }

    @Test
    void desktopOffKeepsToastsAndSoundFollowsItsSwitch() {
        Preferences quiet = DEFAULTS.withDesktop(false);
        assertEquals(new NotificationRoute(true, false, false), route(Kind.ACTION_REQUIRED, quiet, false, false));
        Preferences loud = quiet.withSound(true);
        assertEquals(new NotificationRoute(true, false, true), route(Kind.ACTION_REQUIRED, loud, false, false));
        assertEquals(NotificationRoute.NOWHERE, route(Kind.ACTION_REQUIRED, loud, true, true),
                "no sound when nothing shows");
    }
}
