package dev.questbench.engine.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.domain.schedule.ScheduleRule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScheduleCalculatorTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** Rule, zone, the local start ("from", exclusive), and the expected run times as offset date-times. */
    static Stream<Arguments> previews() {
        return Stream.of(
                // Berlin springs forward on 2026-03-29 at 02:00 -> 03:00: 02:30 does not exist that day.
                Arguments.of("daily 02:30 on Berlin spring-forward runs once, at 03:30",
                        new ScheduleRule.Daily(LocalTime.of(2, 30)), BERLIN, "2026-03-27T12:00",
                        List.of("2026-03-28T02:30+01:00", "2026-03-29T03:30+02:00", "2026-03-30T02:30+02:00")),
                // Berlin falls back on 2026-10-25 at 03:00 -> 02:00: 02:30 happens twice.
                Arguments.of("daily 02:30 on Berlin fall-back runs once, at the first 02:30",
                        new ScheduleRule.Daily(LocalTime.of(2, 30)), BERLIN, "2026-10-24T12:00",
                        List.of("2026-10-25T02:30+02:00", "2026-10-26T02:30+01:00", "2026-10-27T02:30+01:00")),
                // New York springs forward on 2026-03-08 at 02:00 -> 03:00.
                Arguments.of("daily 02:30 on New York spring-forward runs at 03:30 EDT",
                        new ScheduleRule.Daily(LocalTime.of(2, 30)), NEW_YORK, "2026-03-07T12:00",
                        List.of("2026-03-08T03:30-04:00", "2026-03-09T02:30-04:00")),
                // New York falls back on 2026-11-01 at 02:00 -> 01:00: 01:30 happens twice.
                Arguments.of("daily 01:30 on New York fall-back runs once",
                        new ScheduleRule.Daily(LocalTime.of(1, 30)), NEW_YORK, "2026-10-31T12:00",
                        List.of("2026-11-01T01:30-04:00", "2026-11-02T01:30-05:00")),
                Arguments.of("hourly counts real hours over Berlin fall-back: the repeated hour runs twice",
                        new ScheduleRule.Hourly(15), BERLIN, "2026-10-25T00:30",
                        List.of("2026-10-25T01:15+02:00", "2026-10-25T02:15+02:00", "2026-10-25T02:15+01:00",
                                "2026-10-25T03:15+01:00")),
                Arguments.of("hourly over Berlin spring-forward skips the hour that does not exist",
                        new ScheduleRule.Hourly(15), BERLIN, "2026-03-29T00:30",
                        List.of("2026-03-29T01:15+01:00", "2026-03-29T03:15+02:00", "2026-03-29T04:15+02:00")),
                Arguments.of("monthly on the 31st falls on the last day of shorter months for a whole year",
                        new ScheduleRule.Monthly(31, LocalTime.of(8, 0)), BERLIN, "2026-01-01T00:00",
                        List.of("2026-01-31T08:00+01:00", "2026-02-28T08:00+01:00", "2026-03-31T08:00+02:00",
                                "2026-04-30T08:00+02:00", "2026-05-31T08:00+02:00", "2026-06-30T08:00+02:00",
                                "2026-07-31T08:00+02:00", "2026-08-31T08:00+02:00", "2026-09-30T08:00+02:00",
                                "2026-10-31T08:00+01:00", "2026-11-30T08:00+01:00", "2026-12-31T08:00+01:00")),
                Arguments.of("monthly on the 30th in a leap February runs on the 29th",
                        new ScheduleRule.Monthly(30, LocalTime.of(9, 0)), BERLIN, "2028-02-01T00:00",
                        List.of("2028-02-29T09:00+01:00", "2028-03-30T09:00+02:00")),
                Arguments.of("monthly on the 15th is not moved",
                        new ScheduleRule.Monthly(15, LocalTime.of(9, 0)), BERLIN, "2026-01-15T09:00",
                        List.of("2026-02-15T09:00+01:00", "2026-03-15T09:00+01:00")),
                Arguments.of("weekly on several days, starting on a Tuesday",
                        new ScheduleRule.Weekly(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
                                LocalTime.of(10, 30)), BERLIN, "2026-03-03T11:00",
                        List.of("2026-03-04T10:30+01:00", "2026-03-06T10:30+01:00", "2026-03-09T10:30+01:00",
                                "2026-03-11T10:30+01:00", "2026-03-13T10:30+01:00")),
                Arguments.of("weekly starting exactly at a slot takes the next one",
                        new ScheduleRule.Weekly(EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(9, 0)), BERLIN,
                        "2026-03-02T09:00", List.of("2026-03-09T09:00+01:00", "2026-03-16T09:00+01:00")),
                Arguments.of("one-time in the future runs once",
                        new ScheduleRule.OneTime(LocalDateTime.parse("2026-03-25T14:00")), BERLIN, "2026-03-01T00:00",
                        List.of("2026-03-25T14:00+01:00")),
                Arguments.of("one-time in the spring-forward gap is shifted by the gap",
                        new ScheduleRule.OneTime(LocalDateTime.parse("2026-03-29T02:15")), BERLIN, "2026-03-01T00:00",
                        List.of("2026-03-29T03:15+02:00")),
                Arguments.of("one-time in the past never runs",
                        new ScheduleRule.OneTime(LocalDateTime.parse("2026-03-25T14:00")), BERLIN, "2026-03-25T14:00",
                        List.of()),
                Arguments.of("cron on weekdays, from a Saturday",
                        new ScheduleRule.Cron("0 9 * * 1-5"), BERLIN, "2026-03-07T10:00",
                        List.of("2026-03-09T09:00+01:00", "2026-03-10T09:00+01:00", "2026-03-11T09:00+01:00",
                                "2026-03-12T09:00+01:00", "2026-03-13T09:00+01:00", "2026-03-16T09:00+01:00")),
                Arguments.of("cron 02:30 on Berlin spring-forward runs at 03:30, like a daily rule (cron-utils skips it)",
                        new ScheduleRule.Cron("30 2 * * *"), BERLIN, "2026-03-28T12:00",
                        List.of("2026-03-29T03:30+02:00", "2026-03-30T02:30+02:00")),
                Arguments.of("cron 02:30 on Berlin fall-back runs once",
                        new ScheduleRule.Cron("30 2 * * *"), BERLIN, "2026-10-24T12:00",
                        List.of("2026-10-25T02:30+02:00", "2026-10-26T02:30+01:00")),
                Arguments.of("cron every 15 minutes over spring-forward has no duplicates",
                        new ScheduleRule.Cron("*/15 * * * *"), BERLIN, "2026-03-29T01:30",
                        List.of("2026-03-29T01:45+01:00", "2026-03-29T03:00+02:00", "2026-03-29T03:15+02:00",
                                "2026-03-29T03:30+02:00", "2026-03-29T03:45+02:00", "2026-03-29T04:00+02:00")),
                Arguments.of("cron Sunday may be written 7",
                        new ScheduleRule.Cron("0 9 * * 7"), BERLIN, "2026-03-02T00:00",
                        List.of("2026-03-08T09:00+01:00", "2026-03-15T09:00+01:00")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("previews")
    void runTimes(String name, ScheduleRule rule, ZoneId zone, String from, List<String> expected) {
        Instant start = LocalDateTime.parse(from).atZone(zone).toInstant();
        List<String> actual = ScheduleCalculator.preview(rule, zone, start, expected.size() + 1).stream()
                .limit(expected.size())
                .map(time -> time.toOffsetDateTime().toString())
                .toList();
        assertEquals(expected, actual);
        if (expected.isEmpty()) {
            assertEquals(Optional.empty(), ScheduleCalculator.next(rule, zone, start));
        }
    }

    @Test
    void previewGivesFiveStrictlyIncreasingTimesInTheSchedulesZone() {
        List<ZonedDateTime> preview = ScheduleCalculator.preview(new ScheduleRule.Daily(LocalTime.of(9, 0)), NEW_YORK,
                Instant.parse("2026-03-01T00:00:00Z"), 5);
        assertEquals(5, preview.size());
        for (int i = 1; i < preview.size(); i++) {
            assertTrue(preview.get(i).isAfter(preview.get(i - 1)));
            assertEquals(NEW_YORK, preview.get(i).getZone());
        }
    }

    @Test
    void aDailyTimeShiftedByTheGapIsStillFoundJustAfterTheJump() {
        // 03:10 CEST on spring-forward day: the 02:30 run, shifted to 03:30, is still ahead.
        Instant after = OffsetDateTime.parse("2026-03-29T03:10+02:00").toInstant();
        assertEquals(OffsetDateTime.parse("2026-03-29T03:30+02:00").toInstant(),
                ScheduleCalculator.next(new ScheduleRule.Daily(LocalTime.of(2, 30)), BERLIN, after).orElseThrow());
    }

    @Test
    void intervalsCountFromTheAnchorAndDoNotDrift() {
        Instant anchor = Instant.parse("2026-03-28T22:07:00Z");
        ScheduleRule rule = new ScheduleRule.Interval(Duration.ofHours(3), anchor);
        assertEquals(anchor, ScheduleCalculator.next(rule, BERLIN, anchor.minusSeconds(3600)).orElseThrow());
        assertEquals(anchor.plus(Duration.ofHours(3)), ScheduleCalculator.next(rule, BERLIN, anchor).orElseThrow());
        // A tick 4 s late still lands on the grid, not 3 h after the late tick.
        Instant lateTick = anchor.plus(Duration.ofHours(3)).plusSeconds(4);
        assertEquals(anchor.plus(Duration.ofHours(6)), ScheduleCalculator.next(rule, BERLIN, lateTick).orElseThrow());
        // Across the spring-forward night the gap stays 3 real hours.
        List<ZonedDateTime> preview = ScheduleCalculator.preview(rule, BERLIN, anchor, 4);
        for (int i = 1; i < preview.size(); i++) {
            assertEquals(Duration.ofHours(3), Duration.between(preview.get(i - 1), preview.get(i)));
        }
        // 23:07 CET + 3 h is 03:07 CEST: four hours on the wall clock, three real ones.
        assertEquals("2026-03-29T03:07+02:00", preview.get(0).toOffsetDateTime().toString());
    }

    @Test
    void betweenListsEveryDueTimeInTheWindowUpToTheLimit() {
        ScheduleRule rule = new ScheduleRule.Hourly(0);
        Instant after = Instant.parse("2026-03-02T00:30:00Z");
        assertEquals(5, ScheduleCalculator.between(rule, ZoneId.of("UTC"), after, after.plus(Duration.ofHours(5)), 100)
                .size());
        assertEquals(2, ScheduleCalculator.between(rule, ZoneId.of("UTC"), after, after.plus(Duration.ofHours(5)), 2)
                .size());
    }

    @Test
    void aCronExpressionWithoutFiveFieldsIsRefusedWithTheFieldNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScheduleCalculator.validate(new ScheduleRule.Cron("0 9 * *"), BERLIN));
        assertTrue(e.getMessage().startsWith("'0 9 * *' is not a 5-field cron expression (minute hour day-of-month "
                + "month day-of-week)"), e.getMessage());
        assertTrue(e.getMessage().contains("0 9 * * 1-5"), "gives an example: " + e.getMessage());
    }

    @Test
    void aCronExpressionWithABadValueSaysWhich() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScheduleCalculator.validate(new ScheduleRule.Cron("61 9 * * *"), BERLIN));
        assertTrue(e.getMessage().startsWith("'61 9 * * *' is not a valid cron expression: "), e.getMessage());
        assertTrue(e.getMessage().contains("61"), e.getMessage());
    }

    @Test
    void aCronExpressionThatNeverMatchesIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScheduleCalculator.validate(new ScheduleRule.Cron("0 0 31 2 *"), BERLIN));
        assertTrue(e.getMessage().contains("never matches"), e.getMessage());
    }

    @Test
    void validRulesPassValidation() {
        ScheduleCalculator.validate(new ScheduleRule.Cron("*/5  9-17 * * mon-fri"), BERLIN);
        ScheduleCalculator.validate(new ScheduleRule.Daily(LocalTime.NOON), BERLIN);
        assertEquals("*/5 9-17 * * mon-fri", new ScheduleRule.Cron(" */5  9-17 * * mon-fri ").expression());
    }

    @Test
    void rulesRefuseImpossibleValues() {
        assertThrows(IllegalArgumentException.class, () -> new ScheduleRule.Hourly(60));
        assertThrows(IllegalArgumentException.class, () -> new ScheduleRule.Monthly(32, LocalTime.NOON));
        assertThrows(IllegalArgumentException.class, () -> new ScheduleRule.Weekly(EnumSet.noneOf(DayOfWeek.class),
                LocalTime.NOON));
        assertThrows(IllegalArgumentException.class, () -> new ScheduleRule.Interval(Duration.ofSeconds(30),
                Instant.EPOCH));
    }
}
