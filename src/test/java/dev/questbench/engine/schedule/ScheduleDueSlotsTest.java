package dev.questbench.engine.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.questbench.domain.schedule.Schedule;
import dev.questbench.domain.schedule.ScheduleDraft;
import dev.questbench.domain.schedule.ScheduleRule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleDueSlotsTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Duration GRACE = Duration.ofMinutes(2);

    private static Schedule due(ScheduleRule rule, Instant nextRunAt) {
        return Schedule.create(new ScheduleDraft("s", rule, "p", null, null, false, null, true, UTC),
                Instant.parse("2026-01-01T00:00:00Z")).withNextRunAt(nextRunAt);
    }

    @Test
    void aSlotWithinTheGraceRunsAndNothingIsMissed() {
        Instant nine = Instant.parse("2026-03-02T09:00:00Z");
        DueSlots slots = DueSlots.of(due(new ScheduleRule.Daily(LocalTime.of(9, 0)), nine), nine.plusSeconds(90), GRACE, 10);
        assertEquals(nine, slots.toRun());
        assertEquals(List.of(), slots.missed());
        assertEquals(Instant.parse("2026-03-03T09:00:00Z"), slots.advanced().nextRunAt());
    }

    @Test
    void aSlotOlderThanTheGraceIsMissedNotRun() {
        Instant nine = Instant.parse("2026-03-02T09:00:00Z");
        DueSlots slots = DueSlots.of(due(new ScheduleRule.Daily(LocalTime.of(9, 0)), nine), nine.plusSeconds(121), GRACE, 10);
        assertNull(slots.toRun());
        assertEquals(List.of(nine), slots.missed());
    }

    @Test
    void afterALongGapTheLatestSlotRunsAndTheRestAreCountedUpToTheLimit() {
        Instant anchor = Instant.parse("2026-03-01T00:00:00Z");
        ScheduleRule everyMinute = new ScheduleRule.Interval(Duration.ofMinutes(1), anchor);
        Instant now = anchor.plus(Duration.ofDays(2)).plusSeconds(30);
        DueSlots slots = DueSlots.of(due(everyMinute, anchor.plusSeconds(60)), now, GRACE, 1_000);
        assertEquals(anchor.plus(Duration.ofDays(2)), slots.toRun(), "the slot 30 s ago runs");
        assertEquals(1_000, slots.missed().size(), "counting stops at the limit");
        assertEquals(anchor.plusSeconds(60), slots.missed().get(0));
        assertEquals(anchor.plus(Duration.ofDays(2)).plusSeconds(60), slots.advanced().nextRunAt(), "on the grid");
    }

    @Test
    void aOneTimeScheduleIsDisabledOnceItsSlotIsTaken() {
        ScheduleRule once = new ScheduleRule.OneTime(LocalDateTime.parse("2026-03-02T10:00"));
        Instant ten = Instant.parse("2026-03-02T10:00:00Z");
        DueSlots slots = DueSlots.of(due(once, ten), ten.plus(Duration.ofHours(5)), GRACE, 10);
        assertEquals(List.of(ten), slots.missed());
        assertFalse(slots.advanced().enabled());
        assertNull(slots.advanced().nextRunAt());
    }
}
