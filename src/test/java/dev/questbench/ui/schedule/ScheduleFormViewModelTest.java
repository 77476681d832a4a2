package dev.questbench.ui.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.domain.Workspace;
import dev.questbench.domain.schedule.Schedule;
import dev.questbench.domain.schedule.ScheduleKind;
import dev.questbench.domain.schedule.ScheduleRule;
import dev.questbench.ui.common.Debouncer;
import dev.questbench.ui.common.DirectTaskRunner;
import dev.questbench.ui.testing.ManualTaskRunner;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedule form against a real store and the real scheduler (fixed clock: Monday 2 March 2026, 08:59 Berlin). */
class ScheduleFormViewModelTest {
    @TempDir
    Path dir;
    private SchedulerFixture fixture;

    @BeforeEach
    void open() {
        fixture = new SchedulerFixture(dir.resolve("data"));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private ScheduleFormViewModel form(Schedule editing) {
        ScheduleFormViewModel form = new ScheduleFormViewModel(fixture.scheduler, fixture.store,
                new DirectTaskRunner(), Debouncer.immediate(), fixture.clock, editing);
        form.zoneProperty().set(SchedulerFixture.BERLIN);
        return form;
    }

    @Test
    void thePreviewShowsTheNextFiveRunsAndFollowsTheFields() {
        ScheduleFormViewModel form = form(null);
        assertEquals(ScheduleKind.DAILY, form.rule().kindProperty().get(), "a new schedule starts as daily at 09:00");
        assertEquals(List.of("Mon 2 Mar 2026, 09:00 CET", "Tue 3 Mar 2026, 09:00 CET", "Wed 4 Mar 2026, 09:00 CET",
                "Thu 5 Mar 2026, 09:00 CET", "Fri 6 Mar 2026, 09:00 CET"), form.preview());
        assertNull(form.previewErrorProperty().get());

        form.rule().timeProperty().set("8:30");
        assertEquals("Tue 3 Mar 2026, 08:30 CET", form.preview().get(0), "08:30 has passed today");

        form.rule().kindProperty().set(ScheduleKind.WEEKLY);
        form.rule().days().retainAll(EnumSet.of(DayOfWeek.FRIDAY));
        assertEquals(List.of("Fri 6 Mar 2026, 08:30 CET", "Fri 13 Mar 2026, 08:30 CET", "Fri 20 Mar 2026, 08:30 CET",
                "Fri 27 Mar 2026, 08:30 CET", "Fri 3 Apr 2026, 08:30 CEST"), form.preview(), "summer time from 29 March");

        form.rule().kindProperty().set(ScheduleKind.INTERVAL);
        form.rule().everyProperty().set(90);
        form.rule().unitProperty().set(RuleFields.IntervalUnit.MINUTES);
        assertEquals("Mon 2 Mar 2026, 10:29 CET", form.preview().get(0), "every 90 minutes from now");
    }

    @Test
    void anInvalidCronShowsTheSchedulersMessageInsteadOfAPreview() {
        ScheduleFormViewModel form = form(null);
        form.rule().kindProperty().set(ScheduleKind.CRON);
        assertEquals(5, form.preview().size(), "the default cron is valid");

        form.rule().cronProperty().set("0 25 * * *");
        assertTrue(form.preview().isEmpty());
        assertNotNull(form.previewErrorProperty().get());
        assertTrue(form.previewErrorProperty().get().contains("0 25 * * *"), form.previewErrorProperty().get());

        form.rule().cronProperty().set("30 7 * * 1-5");
        assertNull(form.previewErrorProperty().get());
        assertEquals("Tue 3 Mar 2026, 07:30 CET", form.preview().get(0),
                "weekdays at 07:30; today's has passed, so the first is tomorrow");
    }

    @Test
    void fieldsThatCannotMakeARuleSayWhy() {
        ScheduleFormViewModel form = form(null);
        form.rule().timeProperty().set("half past nine");
        assertTrue(form.previewErrorProperty().get().startsWith("Write the time as hours and minutes"));
        form.rule().timeProperty().set("09:00");
        form.rule().kindProperty().set(ScheduleKind.WEEKLY);
        form.rule().days().clear();
        assertEquals("A weekly schedule needs at least one day of the week.", form.previewErrorProperty().get());
        form.rule().kindProperty().set(ScheduleKind.ONE_TIME);
        form.rule().dateProperty().set(LocalDate.of(2026, 3, 1));
        assertTrue(form.previewErrorProperty().get().contains("has passed"), form.previewErrorProperty().get());
    }

    @Test
    void aStaleAnswerIsDropped() {
        ManualTaskRunner tasks = new ManualTaskRunner();
        ScheduleFormViewModel form = new ScheduleFormViewModel(fixture.scheduler, fixture.store, tasks,
                Debouncer.immediate(), fixture.clock, null);
        form.zoneProperty().set(SchedulerFixture.BERLIN);
        form.rule().timeProperty().set("10:00");
        tasks.complete(tasks.waiting() - 1); // the newest answer first
        tasks.completeAll(); // then the older ones, which must not overwrite it
        assertEquals("Mon 2 Mar 2026, 10:00 CET", form.preview().get(0));
    }

    @Test
    void saveCreatesTheScheduleThroughTheScheduler() {
        Workspace shop = fixture.store.workspaces().open(dir.resolve("shop").toString());
        ScheduleFormViewModel form = form(null);
        form.loadChoices();
        form.nameProperty().set("Morning digest");
        form.instructionsProperty().set("Summarise yesterday's commits");
        form.workspaceProperty().set(form.workspaces().stream().filter(c -> shop.id().equals(c.id())).findFirst()
                .orElseThrow());
        form.modelProperty().set("qwen3");
        form.goalProperty().set(true);
        List<Schedule> saved = new ArrayList<>();
        form.save(saved::add);

        assertEquals(1, saved.size());
        Schedule schedule = fixture.scheduler.get(saved.get(0).id()).orElseThrow();
        assertEquals("Morning digest", schedule.name());
        assertEquals(new ScheduleRule.Daily(LocalTime.of(9, 0)), schedule.rule());
        assertEquals(shop.id(), schedule.workspaceId());
        assertEquals("qwen3", schedule.model());
        assertTrue(schedule.goal());
        assertTrue(schedule.enabled());
        assertEquals(SchedulerFixture.BERLIN, schedule.zone());
        assertEquals(java.time.Instant.parse("2026-03-02T08:00:00Z"), schedule.nextRunAt());
    }

    @Test
    void saveShowsTheSchedulersMessageInline() {
        ScheduleFormViewModel form = form(null);
        List<Schedule> saved = new ArrayList<>();
        form.save(saved::add);
        assertTrue(saved.isEmpty());
        assertEquals("Write the instructions the quest should follow when it runs.", form.problemProperty().get());
        form.instructionsProperty().set("Run the tests");
        assertNull(form.problemProperty().get(), "typing clears the message");

        form.rule().kindProperty().set(ScheduleKind.CRON);
        form.rule().cronProperty().set("every day");
        form.save(saved::add);
        assertTrue(saved.isEmpty());
        assertNotNull(form.problemProperty().get());
    }

    @Test
    void editingFillsTheFormAndKeepsTheId() {
        ScheduleRule.Interval every2h = new ScheduleRule.Interval(Duration.ofHours(2),
                java.time.Instant.parse("2026-03-01T00:00:00Z"));
        Schedule original = fixture.scheduler.create(dev.questbench.domain.schedule.ScheduleDraft.of("Poll prices",
                every2h, "Check the prices", null).withZone(SchedulerFixture.BERLIN));
        ScheduleFormViewModel form = form(original);
        form.loadChoices();
        assertTrue(form.isEdit());
        assertEquals("Poll prices", form.nameProperty().get());
        assertEquals(ScheduleKind.INTERVAL, form.rule().kindProperty().get());
        assertEquals(2, form.rule().everyProperty().get());
        assertEquals(RuleFields.IntervalUnit.HOURS, form.rule().unitProperty().get());
        assertEquals("Check the prices", form.instructionsProperty().get());

        form.nameProperty().set("Poll prices often");
        List<Schedule> saved = new ArrayList<>();
        form.save(saved::add);
        Schedule updated = fixture.scheduler.get(original.id()).orElseThrow();
        assertEquals("Poll prices often", updated.name());
        assertEquals(every2h, updated.rule(), "an unchanged interval keeps its anchor");
        assertEquals(1, fixture.scheduler.list().size());
    }

    @Test
    void aScheduleCanContinueAnExistingQuest() {
        String questId = fixture.executor.create(dev.questbench.domain.Quest.create("Nightly cleanup", "Clean up",
                null, dev.questbench.domain.QuestMode.AGENT, dev.questbench.domain.QuestEnvironment.LOCAL,
                fixture.clock.instant())).id();
        ScheduleFormViewModel form = form(null);
        form.loadChoices();
        Optional<Choice> quest = form.quests().stream().filter(c -> questId.equals(c.id())).findFirst();
        assertEquals("Nightly cleanup", quest.orElseThrow().label());
        form.continueQuestProperty().set(quest.get());
        form.instructionsProperty().set("Carry on");
        List<Schedule> saved = new ArrayList<>();
        form.save(saved::add);
        assertEquals(questId, saved.get(0).continueQuestId());
    }
}
