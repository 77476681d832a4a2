package dev.questbench.engine.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.schedule.RunState;
import dev.questbench.domain.schedule.Schedule;
import dev.questbench.domain.schedule.ScheduleDraft;
import dev.questbench.domain.schedule.ScheduleRule;
import dev.questbench.domain.schedule.ScheduleRun;
import dev.questbench.engine.Notification;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.store.QuestQuery;
import dev.questbench.store.Store;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler against a real store and executor, with a scripted agent and a clock the test moves. */
class SchedulerTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Monday 2 March 2026, 08:59 in Berlin. */
    private static final Instant MONDAY_0859 = at("2026-03-02T08:59");

    @TempDir
    Path dir;

    private final ScheduleTestClock clock = new ScheduleTestClock(MONDAY_0859, BERLIN);
    private final List<Notification> notifications = new CopyOnWriteArrayList<>();
    private Store store;
    private ScheduleTestBackend backend;
    private QuestExecutor executor;
    private Scheduler scheduler;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        backend = new ScheduleTestBackend();
        executor = new QuestExecutor(store, List.of(backend), notifications::add);
        executor.start();
        scheduler = startScheduler();
    }

    @AfterEach
    void close() {
        scheduler.close();
        executor.close();
        store.close();
    }

    // ---- due runs ---------------------------------------------------------------------------------

    @Test
    void aDueRunStartsAQuestFromTheScheduleAndSucceedsWhenItsTurnEnds() {
        Schedule schedule = scheduler.create(new ScheduleDraft("Morning digest", new ScheduleRule.Daily(LocalTime.of(9, 0)),
                "write the digest", null, "qwen3", false, null, true, BERLIN));
        assertEquals(at("2026-03-02T09:00"), schedule.nextRunAt());

        scheduler.tick(clock.advance(Duration.ofSeconds(30)));
        assertTrue(scheduler.runs(schedule.id(), 0).isEmpty(), "not due before 09:00");

        clock.set(at("2026-03-02T09:00:03"));
        scheduler.tick(clock.instant());
        ScheduleRun run = awaitRun(schedule.id(), RunState.SUCCESS);

        assertEquals(at("2026-03-02T09:00"), run.scheduledFor());
        assertEquals(at("2026-03-02T09:00:03"), run.startedAt());
        Quest quest = store.quests().get(run.questId()).orElseThrow();
        assertEquals("Morning digest", quest.title());
        assertEquals("write the digest", quest.prompt());
        assertEquals("qwen3", quest.model());
        assertNull(quest.options().goal());
        assertFalse(quest.read(), "a quest nobody watched start is unread");
        assertEquals(List.of("write the digest"), backend.received);
        // The next slot comes from the rule, not from "now + 1 day" (which would be 09:00:03).
        assertEquals(at("2026-03-03T09:00"), scheduler.get(schedule.id()).orElseThrow().nextRunAt());
    }

    @Test
    void aFailedTurnMarksTheRunFailedWithTheAgentsMessage() {
        Schedule schedule = scheduler.create(daily("Doomed", "FAIL on purpose"));
        clock.set(at("2026-03-02T09:00:01"));
        scheduler.tick(clock.instant());
        ScheduleRun run = awaitRun(schedule.id(), RunState.FAILED);
        assertEquals("The scripted agent failed as asked.", run.message());
        assertEquals(QuestStatus.ERROR, store.quests().summary(run.questId()).orElseThrow().status());
    }

    @Test
    void aGoalScheduleStartsAGoalQuestAndWaitsForTheVerdictBeforeSucceeding() {
        Schedule schedule = scheduler.create(daily("Coverage", "raise coverage to 80%").withGoal(true));
        clock.set(at("2026-03-02T09:00:01"));
        scheduler.tick(clock.instant());
        ScheduleRun run = scheduler.runs(schedule.id(), 0).get(0);
        assertEquals("raise coverage to 80%", store.quests().get(run.questId()).orElseThrow().options().goal());
        await(() -> store.quests().summary(run.questId()).orElseThrow().status() == QuestStatus.READY, () -> "not ready");

        scheduler.tick(clock.instant()); // no goal loop runs in this test, so no verdict ever comes
        assertEquals(RunState.RUNNING, scheduler.runs(schedule.id(), 0).get(0).state(), "waits for a verdict");
        scheduler.tick(clock.advance(RunOutcome.VERDICT_WAIT));
        ScheduleRun settled = scheduler.runs(schedule.id(), 0).get(0);
        assertEquals(RunState.SUCCESS, settled.state());
        assertEquals("Finished; the goal was not evaluated.", settled.message());
    }

    @Test
    void aScheduleCanContinueAQuestInsteadOfStartingOne() {
        Quest quest = Quest.create("Release notes", "draft the release notes", null, QuestMode.AGENT,
                QuestEnvironment.LOCAL, Instant.now());
        executor.create(quest);
        await(() -> status(quest.id()) == QuestStatus.READY, () -> "quest not ready: " + status(quest.id()));
        Schedule schedule = scheduler.create(daily("Update notes", "add today's merged changes").continuing(quest.id()));

        clock.set(at("2026-03-02T09:00:01"));
        scheduler.tick(clock.instant());
        ScheduleRun run = awaitRun(schedule.id(), RunState.SUCCESS);

        assertEquals(quest.id(), run.questId());
        assertTrue(run.afterSeq() > 0, "the outcome is read after the quest's earlier events");
        assertEquals(2, messages(quest.id()), "the prompt went to the same quest");
        assertEquals(List.of("draft the release notes", "add today's merged changes"), backend.received);
        assertEquals(1, store.quests().list(QuestQuery.ALL).size(), "no new quest");
        assertEquals(List.of(schedule), scheduler.continuing(quest.id()).stream()
                .map(s -> s.withNextRunAt(schedule.nextRunAt())).toList());
    }

    @Test
    void continuingADeletedQuestFailsWithAClearMessage() {
        Quest quest = Quest.create("Gone soon", "hello", null, QuestMode.AGENT, QuestEnvironment.LOCAL, Instant.now());
        executor.create(quest);
        await(() -> status(quest.id()) == QuestStatus.READY, () -> "quest not ready");
        Schedule schedule = scheduler.create(daily("Follow-up", "continue").continuing(quest.id()));
        executor.delete(quest.id());

        clock.set(at("2026-03-02T09:00:01"));
        scheduler.tick(clock.instant());
        ScheduleRun run = scheduler.runs(schedule.id(), 0).get(0);
        assertEquals(RunState.FAILED, run.state());
        assertTrue(run.message().contains("no longer exists"), run.message());
    }

    // ---- missed runs ------------------------------------------------------------------------------

    @Test
    void runsMissedWhileClosedAreRecordedOncePerScheduleWithANotificationAndNotRun() {
        Schedule daily = scheduler.create(daily("Digest", "write the digest"));
        Schedule hourly = scheduler.create(new ScheduleDraft("Sync", new ScheduleRule.Hourly(30), "sync the status",
                null, null, false, null, true, BERLIN));
        scheduler.close();

        clock.set(at("2026-03-05T12:10")); // Thursday: closed for three days
        scheduler = startScheduler();

        ScheduleRun missedDaily = single(scheduler.runs(daily.id(), 0));
        assertEquals(RunState.MISSED, missedDaily.state());
        assertEquals(at("2026-03-02T09:00"), missedDaily.scheduledFor());
        assertTrue(missedDaily.message().startsWith("Missed 4 runs, due Mon 2 Mar 09:00 to Thu 5 Mar 09:00."),
                missedDaily.message());
        assertTrue(missedDaily.message().contains("Run Now"), missedDaily.message());
        ScheduleRun missedHourly = single(scheduler.runs(hourly.id(), 0));
        assertEquals(RunState.MISSED, missedHourly.state());
        assertTrue(missedHourly.message().startsWith("Missed 75 runs"), missedHourly.message());

        List<Notification> missed = notifications.stream()
                .filter(n -> n.kind() == Notification.Kind.MISSED_SCHEDULE).toList();
        assertEquals(List.of("Digest", "Sync"), missed.stream().map(Notification::title).sorted().toList());
        assertTrue(store.quests().list(QuestQuery.ALL).isEmpty(), "missed runs are not run automatically");
        assertEquals(at("2026-03-06T09:00"), scheduler.get(daily.id()).orElseThrow().nextRunAt());
        assertEquals(at("2026-03-05T12:30"), scheduler.get(hourly.id()).orElseThrow().nextRunAt());

        scheduler.tick(clock.advance(Duration.ofMinutes(1)));
        assertEquals(1, scheduler.runs(daily.id(), 0).size(), "still one entry");
        assertEquals(1, scheduler.runs(hourly.id(), 0).size(), "still one entry");
        assertEquals(2, notifications.stream().filter(n -> n.kind() == Notification.Kind.MISSED_SCHEDULE).count());
    }

    @Test
    void aSlotLateByLessThanTheGraceStillRunsAfterARestart() {
        Schedule schedule = scheduler.create(daily("Digest", "write the digest"));
        scheduler.close();
        clock.set(at("2026-03-02T09:01:00"));
        scheduler = startScheduler();
        ScheduleRun run = awaitRun(schedule.id(), RunState.SUCCESS);
        assertEquals(at("2026-03-02T09:00"), run.scheduledFor());
        assertEquals(1, scheduler.runs(schedule.id(), 0).size());
        assertTrue(notifications.stream().noneMatch(n -> n.kind() == Notification.Kind.MISSED_SCHEDULE));
    }

    @Test
    void runsThatWereRunningWhenTheAppClosedAreSettledAtStart() {
        Schedule schedule = scheduler.create(daily("Digest", "write the digest"));
        scheduler.close();
        Quest quest = Quest.create(null, "finished meanwhile", null, QuestMode.AGENT, QuestEnvironment.LOCAL, Instant.now());
        executor.create(quest);
        await(() -> status(quest.id()) == QuestStatus.READY, () -> "quest not ready");
        ScheduleRun finished = ScheduleRun.running(schedule.id(), at("2026-03-01T09:00"), at("2026-03-01T09:00"),
                quest.id(), 0);
        ScheduleRun neverStarted = ScheduleRun.running(schedule.id(), at("2026-03-01T10:00"), at("2026-03-01T10:00"),
                "qst_never_created", 0);
        store.schedules().addRun(finished);
        store.schedules().addRun(neverStarted);

        scheduler = startScheduler();

        assertEquals(RunState.SUCCESS, store.schedules().run(finished.id()).orElseThrow().state());
        ScheduleRun failed = store.schedules().run(neverStarted.id()).orElseThrow();
        assertEquals(RunState.FAILED, failed.state());
        assertTrue(failed.message().contains("stopped before it started"), failed.message());
    }

    // ---- Run Now, enable/disable, one-time --------------------------------------------------------

    @Test
    void runNowRunsEvenADisabledScheduleWithoutMovingItsNextRun() {
        Schedule off = scheduler.create(daily("Weekly report", "draft the report").withEnabled(false));
        assertNull(off.nextRunAt());
        ScheduleRun started = scheduler.runNow(off.id());
        assertEquals(RunState.RUNNING, started.state());
        assertEquals(clock.instant(), started.scheduledFor());
        assertEquals(RunState.SUCCESS, awaitRun(off.id(), RunState.SUCCESS).state());
        Schedule after = scheduler.get(off.id()).orElseThrow();
        assertFalse(after.enabled());
        assertNull(after.nextRunAt());

        Schedule on = scheduler.create(daily("Digest", "write the digest"));
        scheduler.runNow(on.id());
        assertEquals(at("2026-03-02T09:00"), scheduler.get(on.id()).orElseThrow().nextRunAt());
        assertEquals(List.of("draft the report", "write the digest"), awaitReceived(2));
    }

    @Test
    void disablingStopsRunsAndEnablingResumesFromTheNextFutureSlotWithoutMissedEntries() {
        Schedule schedule = scheduler.create(daily("Digest", "write the digest"));
        assertNull(scheduler.setEnabled(schedule.id(), false).nextRunAt());

        scheduler.tick(clock.advance(Duration.ofMinutes(10)));
        clock.set(at("2026-03-04T08:00"));
        scheduler.tick(clock.instant());
        assertTrue(scheduler.runs(schedule.id(), 0).isEmpty(), "a disabled schedule does not run");

        Schedule enabled = scheduler.setEnabled(schedule.id(), true);
        assertEquals(at("2026-03-04T09:00"), enabled.nextRunAt());
        scheduler.tick(clock.instant());
        assertTrue(scheduler.runs(schedule.id(), 0).isEmpty(), "nothing is recorded for the time it was off");
        assertTrue(notifications.isEmpty());
    }

    @Test
    void aOneTimeScheduleRunsOnceAndDisablesItself() {
        Schedule schedule = scheduler.create(new ScheduleDraft("Prep", new ScheduleRule.OneTime(
                LocalDateTime.parse("2026-03-02T10:00")), "prepare the meeting", null, null, false, null, true, BERLIN));
        clock.set(at("2026-03-02T10:00:01"));
        scheduler.tick(clock.instant());
        Schedule after = scheduler.get(schedule.id()).orElseThrow();
        assertFalse(after.enabled());
        assertNull(after.nextRunAt());
        awaitRun(schedule.id(), RunState.SUCCESS);

        scheduler.tick(clock.advance(Duration.ofDays(1)));
        assertEquals(1, scheduler.runs(schedule.id(), 0).size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> scheduler.setEnabled(schedule.id(), true));
        assertTrue(e.getMessage().contains("has passed"), e.getMessage());
    }

    @Test
    void theTimerTicksByItself() {
        Schedule schedule = scheduler.create(daily("Digest", "write the digest"));
        scheduler.close();
        scheduler = new Scheduler(store, executor, notifications::add, clock, Duration.ofMillis(20));
        scheduler.start();
        assertTrue(scheduler.runs(schedule.id(), 0).isEmpty());
        clock.set(at("2026-03-02T09:00:02"));
        await(() -> scheduler.runs(schedule.id(), 0).stream().anyMatch(run -> run.state() == RunState.SUCCESS),
                () -> "the timer did not run the schedule: " + scheduler.runs(schedule.id(), 0));
    }

    // ---- DST and month ends through the scheduler ---------------------------------------------------

    @Test
    void aDailyScheduleRunsOncePerDayAcrossBothDstChanges() {
        clock.set(at("2026-03-28T00:00"));
        Schedule spring = scheduler.create(new ScheduleDraft("Nightly", new ScheduleRule.Daily(LocalTime.of(2, 30)),
                "nightly cleanup", null, null, false, null, true, BERLIN));
        tickEvery(Duration.ofMinutes(10), at("2026-03-31T00:00"));
        assertEquals(List.of("2026-03-28T02:30+01:00", "2026-03-29T03:30+02:00", "2026-03-30T02:30+02:00"),
                scheduledFor(spring.id()));

        clock.set(at("2026-10-24T00:00"));
        Schedule autumn = scheduler.create(new ScheduleDraft("Nightly", new ScheduleRule.Daily(LocalTime.of(2, 30)),
                "nightly cleanup", null, null, false, null, true, BERLIN));
        tickEvery(Duration.ofMinutes(10), at("2026-10-27T00:00"));
        assertEquals(List.of("2026-10-24T02:30+02:00", "2026-10-25T02:30+02:00", "2026-10-26T02:30+01:00"),
                scheduledFor(autumn.id()));
    }

    @Test
    void aMonthlyScheduleOnThe31stRunsOnEachMonthsLastDay() {
        clock.set(at("2026-01-01T00:00"));
        Schedule schedule = scheduler.create(new ScheduleDraft("Books", new ScheduleRule.Monthly(31, LocalTime.of(8, 0)),
                "close the books", null, null, false, null, true, BERLIN));
        for (int month = 0; month < 5; month++) {
            clock.set(scheduler.get(schedule.id()).orElseThrow().nextRunAt().plusSeconds(20));
            scheduler.tick(clock.instant());
        }
        assertEquals(List.of("2026-01-31T08:00+01:00", "2026-02-28T08:00+01:00", "2026-03-31T08:00+02:00",
                "2026-04-30T08:00+02:00", "2026-05-31T08:00+02:00"), scheduledFor(schedule.id()));
    }

    // ---- editing ----------------------------------------------------------------------------------

    @Test
    void createFromCommandReadsTheTimePhraseAndKeepsTheTemplatesSettings() {
        Schedule schedule = scheduler.createFromCommand("/schedule every weekday at 9 review open PRs",
                new ScheduleDraft(null, null, null, null, "qwen3", true, null, true, BERLIN));
        assertEquals(new ScheduleRule.Weekly(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0)),
                schedule.rule());
        assertEquals("review open PRs", schedule.prompt());
        assertEquals("review open PRs", schedule.name());
        assertEquals("qwen3", schedule.model());
        assertTrue(schedule.goal());
        assertEquals(at("2026-03-02T09:00"), schedule.nextRunAt());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> scheduler.createFromCommand("whenever review", ScheduleDraft.of(null, null, null, null)));
        assertTrue(e.getMessage().startsWith("Cannot tell when to run"), e.getMessage());
    }

    @Test
    void theFormIsRefusedWithMessagesItCanShow() {
        IllegalArgumentException past = assertThrows(IllegalArgumentException.class, () -> scheduler.create(
                new ScheduleDraft("Old", new ScheduleRule.OneTime(LocalDateTime.parse("2026-03-01T10:00")), "x", null,
                        null, false, null, true, BERLIN)));
        assertEquals("Sun 1 Mar 2026 at 10:00 has already passed. Pick a time in the future.", past.getMessage());
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> scheduler.create(daily("Empty", "  ")));
        assertTrue(blank.getMessage().startsWith("Write the instructions"), blank.getMessage());
        IllegalArgumentException cron = assertThrows(IllegalArgumentException.class, () -> scheduler.create(
                daily("Cron", "x").withRule(new ScheduleRule.Cron("0 9 * *"))));
        assertTrue(cron.getMessage().contains("is not a 5-field cron expression"), cron.getMessage());
        IllegalArgumentException workspace = assertThrows(IllegalArgumentException.class, () -> scheduler.create(
                new ScheduleDraft("W", new ScheduleRule.Daily(LocalTime.NOON), "x", "ws_missing", null, false, null,
                        true, BERLIN)));
        assertTrue(workspace.getMessage().contains("workspace"), workspace.getMessage());
        assertTrue(scheduler.list().isEmpty());
    }

    @Test
    void updateRecomputesTheNextRunAndDeleteDropsTheHistoryButKeepsTheQuests() {
        Schedule schedule = scheduler.create(daily("Digest", "write the digest"));
        Schedule moved = scheduler.update(schedule.id(), schedule.draft().withRule(new ScheduleRule.Daily(LocalTime.of(18, 0))));
        assertEquals(at("2026-03-02T18:00"), moved.nextRunAt());
        assertEquals(schedule.createdAt(), moved.createdAt());
        assertEquals(1, scheduler.list().size());

        ScheduleRun run = scheduler.runNow(schedule.id());
        awaitRun(schedule.id(), RunState.SUCCESS);
        scheduler.delete(schedule.id());
        assertTrue(scheduler.get(schedule.id()).isEmpty());
        assertTrue(scheduler.runs(schedule.id(), 0).isEmpty());
        assertTrue(store.quests().get(run.questId()).isPresent(), "the quest a run started stays");
    }

    @Test
    void listenersHearAboutChangesAndRuns() {
        List<String> heard = new CopyOnWriteArrayList<>();
        scheduler.subscribe(heard::add);
        Schedule schedule = scheduler.create(daily("Digest", "write the digest"));
        await(() -> heard.contains(schedule.id()), () -> "no change event for create");
        Schedule other = scheduler.create(daily("Other", "something else").withEnabled(false));
        await(() -> heard.contains(other.id()), () -> "no change event for the second create");
        heard.clear();
        clock.set(at("2026-03-02T09:00:01"));
        awaitRun(schedule.id(), RunState.SUCCESS);
        await(() -> !heard.isEmpty(), () -> "no change event for the run");
        assertTrue(heard.stream().allMatch(schedule.id()::equals), "only the schedule that ran changed: " + heard);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private Scheduler startScheduler() {
        Scheduler started = new Scheduler(store, executor, notifications::add, clock, null);
        started.start();
        return started;
    }

    private static ScheduleDraft daily(String name, String prompt) {
        return new ScheduleDraft(name, new ScheduleRule.Daily(LocalTime.of(9, 0)), prompt, null, null, false, null,
                true, BERLIN);
    }

    private static Instant at(String berlinLocal) {
        return LocalDateTime.parse(berlinLocal).atZone(BERLIN).toInstant();
    }

    private void tickEvery(Duration step, Instant until) {
        while (clock.instant().isBefore(until)) {
            scheduler.tick(clock.advance(step));
        }
    }

    private List<String> scheduledFor(String scheduleId) {
        List<String> times = new ArrayList<>();
        for (ScheduleRun run : scheduler.runs(scheduleId, 0)) {
            assertTrue(run.state() == RunState.RUNNING || run.state() == RunState.SUCCESS, run.toString());
            times.add(0, ZonedDateTime.ofInstant(run.scheduledFor(), BERLIN).toOffsetDateTime().toString());
        }
        return times;
    }

    private QuestStatus status(String questId) {
        return store.quests().summary(questId).orElseThrow().status();
    }

    private long messages(String questId) {
        return store.journal().readAfter(questId, null, 0).stream().map(JournalEntry::type)
                .filter("user.message"::equals).count();
    }

    private List<String> awaitReceived(int count) {
        await(() -> backend.received.size() >= count, () -> "agent received " + backend.received);
        return List.copyOf(backend.received);
    }

    private ScheduleRun awaitRun(String scheduleId, RunState state) {
        await(() -> {
            scheduler.tick(clock.instant());
            List<ScheduleRun> runs = scheduler.runs(scheduleId, 1);
            return !runs.isEmpty() && runs.get(0).state() == state;
        }, () -> "runs of " + scheduleId + ": " + scheduler.runs(scheduleId, 0));
        return scheduler.runs(scheduleId, 1).get(0);
    }

    private static ScheduleRun single(List<ScheduleRun> runs) {
        assertEquals(1, runs.size(), () -> "expected one run, got " + runs);
        return runs.get(0);
    }

    private static void await(BooleanSupplier condition, Supplier<String> message) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(message.get());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
