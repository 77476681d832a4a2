package dev.questbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.domain.Workspace;
import dev.questbench.domain.schedule.RunState;
import dev.questbench.domain.schedule.Schedule;
import dev.questbench.domain.schedule.ScheduleDraft;
import dev.questbench.domain.schedule.ScheduleRule;
import dev.questbench.domain.schedule.ScheduleRun;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScheduleRepositoryTest {
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00.123456789Z");

    @TempDir
    Path dir;

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of(new ScheduleRule.OneTime(LocalDateTime.parse("2026-03-25T14:00")),
                        "{\"type\":\"one_time\",\"at\":\"2026-03-25T14:00:00\"}"),
                Arguments.of(new ScheduleRule.Interval(Duration.ofMinutes(90), Instant.parse("2026-03-02T08:00:00Z")),
                        "{\"type\":\"interval\",\"every\":\"PT1H30M\",\"anchor\":\"2026-03-02T08:00:00Z\"}"),
                Arguments.of(new ScheduleRule.Hourly(15), "{\"type\":\"hourly\",\"minute\":15}"),
                Arguments.of(new ScheduleRule.Daily(LocalTime.of(9, 0)), "{\"type\":\"daily\",\"time\":\"09:00:00\"}"),
                Arguments.of(new ScheduleRule.Weekly(EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY), LocalTime.of(10, 30)),
                        "{\"type\":\"weekly\",\"days\":[\"MONDAY\",\"FRIDAY\"],\"time\":\"10:30:00\"}"),
                Arguments.of(new ScheduleRule.Monthly(31, LocalTime.of(8, 0)),
                        "{\"type\":\"monthly\",\"day_of_month\":31,\"time\":\"08:00:00\"}"),
                Arguments.of(new ScheduleRule.Cron("0 9 * * 1-5"), "{\"type\":\"cron\",\"expression\":\"0 9 * * 1-5\"}"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("rules")
    void rulesAreStoredAsJsonWithATypeAndReadBack(ScheduleRule rule, String json) {
        assertEquals(json, ScheduleRepository.ruleJson(rule));
        assertTrue(json.contains("\"type\":\"" + rule.kind().name().toLowerCase(java.util.Locale.ROOT) + "\""),
                "the discriminator matches the form's kind " + rule.kind());
        assertEquals(rule, ScheduleRepository.rule("sch_x", ScheduleRepository.ruleJson(rule)));
        assertEquals(rule, ScheduleRepository.rule("sch_x", json));
    }

    @Test
    void anUnreadableRuleSaysWhatToDo() {
        StoreException e = assertThrows(StoreException.class,
                () -> ScheduleRepository.rule("sch_x", "{\"type\":\"lunar\"}"));
        assertTrue(e.getMessage().contains("sch_x") && e.getMessage().contains("Update Questbench"), e.getMessage());
    }

    @Test
    void schedulesAndRunsRoundTripThroughSqlite() {
        try (Store store = Store.open(dir)) {
            ScheduleRepository repository = store.schedules();
            Workspace workspace = store.workspaces().open(dir.resolve("project").toString());
            Schedule weekly = Schedule.create(new ScheduleDraft("Competitors", new ScheduleRule.Weekly(
                    EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(10, 0)), "track competitors", workspace.id(), "qwen3",
                    true, "qst_1", true, ZoneId.of("America/New_York")), NOW)
                    .withNextRunAt(Instant.parse("2026-03-02T15:00:00Z"));
            Schedule off = Schedule.create(new ScheduleDraft("another", new ScheduleRule.Hourly(5), "sync", null, null,
                    false, null, false, ZoneId.of("Europe/Berlin")), NOW);
            repository.save(weekly);
            repository.save(off);

            assertEquals(weekly, repository.get(weekly.id()).orElseThrow());
            assertEquals(List.of(off, weekly), repository.list(), "by name, case-insensitive");
            assertEquals(List.of(), repository.due(Instant.parse("2026-03-02T14:59:59Z")));
            assertEquals(List.of(weekly), repository.due(Instant.parse("2026-03-02T15:00:00Z")));
            assertEquals(List.of(weekly), repository.continuing("qst_1"));

            ScheduleRun missed = ScheduleRun.missed(weekly.id(), NOW, NOW.plusSeconds(5), "Missed 2 runs");
            ScheduleRun running = ScheduleRun.running(weekly.id(), NOW, NOW.plusSeconds(6), "qst_1", 42);
            Schedule advanced = weekly.withNextRunAt(Instant.parse("2026-03-09T14:00:00Z"));
            repository.saveWithRuns(advanced, List.of(missed, running));
            assertEquals(advanced, repository.get(weekly.id()).orElseThrow());
            assertEquals(List.of(running, missed), repository.runs(weekly.id(), 0), "newest first");
            assertEquals(List.of(running), repository.runs(weekly.id(), 1));
            assertEquals(List.of(running), repository.running());

            ScheduleRun done = running.finish(RunState.SUCCESS, "Goal met", NOW.plusSeconds(60));
            repository.updateRun(done);
            assertEquals(done, repository.run(running.id()).orElseThrow());
            assertEquals(List.of(), repository.running());
            assertEquals(List.of(done), repository.runsOfQuest("qst_1"));
            assertNull(repository.run(missed.id()).orElseThrow().startedAt());

            store.workspaces().remove(workspace.id());
            assertNull(repository.get(weekly.id()).orElseThrow().workspaceId(), "a removed workspace unbinds");

            repository.delete(weekly.id());
            assertTrue(repository.get(weekly.id()).isEmpty());
            assertEquals(List.of(), repository.runs(weekly.id(), 0), "the history goes with the schedule");
        }
    }

    @Test
    void schedulesSurviveReopeningTheStore() {
        Schedule schedule = Schedule.create(ScheduleDraft.of("Digest", new ScheduleRule.Daily(LocalTime.of(9, 0)),
                "write the digest", null), NOW);
        try (Store store = Store.open(dir)) {
            store.schedules().save(schedule);
        }
        try (Store store = Store.open(dir)) {
            assertEquals(schedule, store.schedules().get(schedule.id()).orElseThrow());
        }
    }
}
