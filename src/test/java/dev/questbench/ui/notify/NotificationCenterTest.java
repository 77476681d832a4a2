package dev.questbench.ui.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.engine.Notification;
import dev.questbench.engine.Notification.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The toast list: newest first, a cap that spares sticky toasts, and what a click opens. */
class NotificationCenterTest {
    private final List<String> openedQuests = new ArrayList<>();
    private final List<String> openedSchedules = new ArrayList<>();
    private final NotificationCenter center = new NotificationCenter(openedQuests::add,
            () -> openedSchedules.add("schedules"));

    private static Toast toast(Kind kind, String questId) {
        return Toast.of(new Notification(kind, questId, "Quest " + questId, "message"));
    }

    @Test
    void newestFirstAndTheOldestNonStickyGoesBeyondTheCap() {
        Toast approval = toast(Kind.ACTION_REQUIRED, "q1");
        center.show(approval);
        Toast ready = toast(Kind.READY, "q2");
        center.show(ready);
        for (int i = 3; i <= 5; i++) {
            center.show(toast(Kind.ERROR, "q" + i));
        }
        assertEquals(NotificationCenter.MAX_TOASTS, center.toasts().size());
        assertTrue(center.toasts().contains(approval), "the sticky approval stays");
        assertTrue(!center.toasts().contains(ready), "the oldest plain toast went");
        assertEquals("q5", center.toasts().get(0).questId());
    }

    @Test
    void clickingOpensTheQuestOrTheSchedulesPage() {
        Toast ready = toast(Kind.READY, "q1");
        Toast missed = toast(Kind.MISSED_SCHEDULE, null);
        center.show(ready);
        center.show(missed);
        center.activate(ready);
        assertEquals(List.of("q1"), openedQuests);
        center.activate(missed);
        assertEquals(List.of("schedules"), openedSchedules);
        assertTrue(center.toasts().isEmpty(), "clicked toasts go away");
    }

    @Test
    void openingAQuestClearsItsToasts() {
        center.show(toast(Kind.ACTION_REQUIRED, "q1"));
        center.show(toast(Kind.READY, "q2"));
        center.questOpened("q1");
        assertEquals(List.of("q2"), center.toasts().stream().map(Toast::questId).toList());
    }
}
