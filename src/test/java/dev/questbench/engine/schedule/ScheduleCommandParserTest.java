package dev.questbench.engine.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.domain.schedule.ScheduleRule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScheduleCommandParserTest {
    /** Wednesday 25 March 2026, 14:03:27 in Berlin (still winter time, +01:00). */
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 3, 25, 14, 3, 27, 0, ZoneId.of("Europe/Berlin"));

    private static ScheduleRule.OneTime once(String localDateTime) {
        return new ScheduleRule.OneTime(LocalDateTime.parse(localDateTime));
    }

    private static ScheduleRule.Weekly weekly(String time, DayOfWeek... days) {
        return new ScheduleRule.Weekly(EnumSet.of(days[0], days), LocalTime.parse(time));
    }

    static Stream<Arguments> accepted() {
        Instant anchor = Instant.parse("2026-03-25T13:03:00Z");
        return Stream.of(
                Arguments.of("in 2 hours run the tests", once("2026-03-25T16:03:27"), "run the tests"),
                Arguments.of("in 30 minutes check the build", once("2026-03-25T14:33:27"), "check the build"),
                Arguments.of("in an hour ping me", once("2026-03-25T15:03:27"), "ping me"),
                Arguments.of("in 2 days clean up", once("2026-03-27T14:03:27"), "clean up"),
                Arguments.of("at 18:30 deploy the docs", once("2026-03-25T18:30"), "deploy the docs"),
                Arguments.of("at 9 write the standup notes", once("2026-03-26T09:00"), "write the standup notes"),
                Arguments.of("at 6:30pm summarise the day", once("2026-03-25T18:30"), "summarise the day"),
                Arguments.of("At 10 PM tonight, fill in tests for the code I changed today", once("2026-03-25T22:00"),
                        "fill in tests for the code I changed today"),
                Arguments.of("at noon order lunch", once("2026-03-26T12:00"), "order lunch"),
                Arguments.of("at 9am tomorrow triage issues", once("2026-03-26T09:00"), "triage issues"),
                Arguments.of("tomorrow at 9 review the PR", once("2026-03-26T09:00"), "review the PR"),
                Arguments.of("tomorrow 7:15am run the nightly", once("2026-03-26T07:15"), "run the nightly"),
                Arguments.of("on 2026-04-01 at 14:00 prepare the meeting", once("2026-04-01T14:00"),
                        "prepare the meeting"),
                Arguments.of("every day at 9:00 write a digest", new ScheduleRule.Daily(LocalTime.of(9, 0)),
                        "write a digest"),
                Arguments.of("daily at 7 pull the data", new ScheduleRule.Daily(LocalTime.of(7, 0)), "pull the data"),
                Arguments.of("every weekday at 9 review open pull requests",
                        weekly("09:00", DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                                DayOfWeek.FRIDAY), "review open pull requests"),
                Arguments.of("every monday,friday at 10:30 track competitors",
                        weekly("10:30", DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "track competitors"),
                Arguments.of("every mon, wed and fri at 10 stretch",
                        weekly("10:00", DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), "stretch"),
                Arguments.of("every Tuesdays and Thursdays at 2 pm sync",
                        weekly("14:00", DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), "sync"),
                Arguments.of("every tue-thu at 8 stand up", weekly("08:00", DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                        DayOfWeek.THURSDAY), "stand up"),
                Arguments.of("every weekend at 10 water plants", weekly("10:00", DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                        "water plants"),
                Arguments.of("every 3 hours poll the prices", new ScheduleRule.Interval(Duration.ofHours(3), anchor),
                        "poll the prices"),
                Arguments.of("every 15 minutes check health", new ScheduleRule.Interval(Duration.ofMinutes(15), anchor),
                        "check health"),
                Arguments.of("hourly at :15 sync the status", new ScheduleRule.Hourly(15), "sync the status"),
                Arguments.of("every hour at 45 rotate logs", new ScheduleRule.Hourly(45), "rotate logs"),
                Arguments.of("every hour check mail", new ScheduleRule.Hourly(0), "check mail"),
                Arguments.of("every month on the 31st at 8:00 close the books",
                        new ScheduleRule.Monthly(31, LocalTime.of(8, 0)), "close the books"),
                Arguments.of("monthly on the last day at 18:00 send invoices",
                        new ScheduleRule.Monthly(31, LocalTime.of(18, 0)), "send invoices"),
                Arguments.of("every month on day 1 at 9 plan", new ScheduleRule.Monthly(1, LocalTime.of(9, 0)), "plan"),
                Arguments.of("cron \"0 9 * * 1-5\" scan dependencies", new ScheduleRule.Cron("0 9 * * 1-5"),
                        "scan dependencies"),
                Arguments.of("cron `*/30 * * * *` poll", new ScheduleRule.Cron("*/30 * * * *"), "poll"),
                Arguments.of("/schedule every day at 9:00: run the suite", new ScheduleRule.Daily(LocalTime.of(9, 0)),
                        "run the suite"),
                Arguments.of("  EVERY DAY AT 21:45 — back up the notes", new ScheduleRule.Daily(LocalTime.of(21, 45)),
                        "back up the notes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void readsTheRuleAndKeepsTheInstructions(String text, ScheduleRule rule, String instructions) {
        ScheduleCommandParser.Result result = ScheduleCommandParser.parse(text, NOW);
        ScheduleCommandParser.Parsed parsed = assertInstanceOf(ScheduleCommandParser.Parsed.class, result,
                () -> "rejected: " + result);
        assertEquals(rule, parsed.rule());
        assertEquals(instructions, parsed.instructions());
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("", "Say when and what"),
                Arguments.of("/schedule", "Say when and what"),
                Arguments.of("someday tidy the garage", "Cannot tell when to run from 'someday tidy the'"),
                Arguments.of("every day run the tests", "Say at what time, for example 'every day at 9:00"),
                Arguments.of("at 25:00 deploy", "'25:00' is not a time of day"),
                Arguments.of("at 13pm deploy", "with am/pm the hour is 1 to 12"),
                Arguments.of("at lunch eat", "Cannot read a time at 'lunch eat'"),
                Arguments.of("every 3 fortnights report", "'fortnights' is not a unit I know"),
                Arguments.of("every 30 seconds poll", "'seconds' is not a unit I know"),
                Arguments.of("cron \"0 9 * *\" scan", "'0 9 * *' is not a 5-field cron expression (minute hour "
                        + "day-of-month month day-of-week)"),
                Arguments.of("cron \"0 25 * * *\" scan", "'0 25 * * *' is not a valid cron expression"),
                Arguments.of("every day at 9", "Say what to do after the time, for example '/schedule every day at 9 "),
                Arguments.of("on 2020-01-01 at 10 celebrate", "has already passed"),
                Arguments.of("on 2026-02-30 at 10 celebrate", "'2026-02-30' is not a date"),
                Arguments.of("every month on the 32nd at 8 pay", "A month has days 1 to 31"),
                Arguments.of("hourly at :75 sync", "Say the minute past each hour"),
                Arguments.of("every blue moon at 9 howl", "Cannot tell how often from 'every blue moon'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void explainsWhatIsWrongWithAnExample(String text, String expected) {
        ScheduleCommandParser.Result result = ScheduleCommandParser.parse(text, NOW);
        ScheduleCommandParser.Rejected rejected = assertInstanceOf(ScheduleCommandParser.Rejected.class, result,
                () -> "accepted: " + result);
        assertTrue(rejected.message().contains(expected), rejected.message());
        assertTrue(rejected.message().contains("'"), "quotes an example or the input: " + rejected.message());
    }
}
