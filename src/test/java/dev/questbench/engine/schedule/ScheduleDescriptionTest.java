package dev.questbench.engine.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.questbench.domain.schedule.ScheduleRule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScheduleDescriptionTest {

    static Stream<Arguments> rules() {
        LocalTime nine = LocalTime.of(9, 0);
        return Stream.of(
                Arguments.of(new ScheduleRule.Weekly(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), nine),
                        "Every weekday at 09:00"),
                Arguments.of(new ScheduleRule.Monthly(31, LocalTime.of(8, 0)),
                        "Monthly on day 31 at 08:00 (last day in shorter months)"),
                Arguments.of(new ScheduleRule.Monthly(15, LocalTime.of(8, 0)), "Monthly on day 15 at 08:00"),
                Arguments.of(new ScheduleRule.Daily(LocalTime.of(18, 5)), "Every day at 18:05"),
                Arguments.of(new ScheduleRule.Weekly(EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY), LocalTime.of(10, 30)),
                        "Every Monday and Friday at 10:30"),
                Arguments.of(new ScheduleRule.Weekly(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
                        nine), "Every Monday, Wednesday and Friday at 09:00"),
                Arguments.of(new ScheduleRule.Weekly(EnumSet.of(DayOfWeek.SUNDAY), nine), "Every Sunday at 09:00"),
                Arguments.of(new ScheduleRule.Weekly(EnumSet.allOf(DayOfWeek.class), nine), "Every day at 09:00"),
                Arguments.of(new ScheduleRule.Hourly(15), "Every hour at :15"),
                Arguments.of(new ScheduleRule.Hourly(0), "Every hour at :00"),
                Arguments.of(new ScheduleRule.Interval(Duration.ofHours(3), Instant.EPOCH), "Every 3 hours"),
                Arguments.of(new ScheduleRule.Interval(Duration.ofHours(1), Instant.EPOCH), "Every hour"),
                Arguments.of(new ScheduleRule.Interval(Duration.ofMinutes(90), Instant.EPOCH), "Every 1 hour 30 minutes"),
                Arguments.of(new ScheduleRule.Interval(Duration.ofDays(2), Instant.EPOCH), "Every 2 days"),
                Arguments.of(new ScheduleRule.OneTime(LocalDateTime.parse("2026-03-25T14:00")),
                        "Once on Wed 25 Mar 2026 at 14:00"),
                Arguments.of(new ScheduleRule.Cron("0 9 * * 1-5"),
                        "Cron 0 9 * * 1-5 (at 09:00 every day between Monday and Friday)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("rules")
    void describesEachRuleInWords(ScheduleRule rule, String expected) {
        assertEquals(expected, ScheduleDescription.of(rule));
    }
}
