package dev.questbench.ui.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.schedule.RunState;
import dev.questbench.domain.schedule.Schedule;
import dev.questbench.domain.schedule.ScheduleDraft;
import dev.questbench.domain.schedule.ScheduleRule;
import dev.questbench.domain.schedule.ScheduleRun;
import dev.questbench.ui.common.DialogService;
import dev.questbench.ui.common.DirectTaskRunner;
import dev.questbench.ui.testing.QueueExecutor;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Dialog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Schedules page against a real store, executor (scripted agent) and scheduler. */
class SchedulesViewModelTest {
    @TempDir
    Path dir;
    private SchedulerFixture fixture;
    private final QueueExecutor fx = new QueueExecutor();
    private final List<String> opened = new ArrayList<>();
    private final ConfirmingDialogs dialogs = new ConfirmingDialogs();
    private Schedule edited;
    private Optional<Schedule> editorAnswer = Optional.empty();
    private SchedulesViewModel model;

    @BeforeEach
    void open() {
        fixture = new SchedulerFixture(dir.resolve("data"));
        model = new SchedulesViewModel(fixture.scheduler, new DirectTaskRunner(), dialogs, fx, opened::add,
                schedule -> {
                    edited = schedule;
                    return editorAnswer;
                });
    }

    @AfterEach
    void close() {
        model.close();
        fixture.close();
    }

    private Schedule daily(String name) {
        return fixture.scheduler.create(ScheduleDraft.of(name, new ScheduleRule.Daily(LocalTime.of(9, 0)),
                "Do " + name, null).withZone(SchedulerFixture.BERLIN));
    }

    @Test
    void reloadShowsEveryScheduleAndSelectsTheFirst() {
        daily("Beta");
        Schedule alpha = daily("Alpha");
        model.reload();
        assertEquals(List.of("Alpha", "Beta"), model.items().stream().map(item -> item.schedule().name()).toList());
        assertEquals(alpha.id(), model.selectedIdProperty().get());
        assertEquals("Every day at 09:00", model.items().get(0).description());
        assertNull(model.items().get(0).lastRun());
    }

    @Test
    void theSwitchDisablesAndEnablesASchedule() {
        Schedule schedule = daily("Digest");
        model.reload();
        model.setEnabled(schedule.id(), false);
        Schedule off = fixture.scheduler.get(schedule.id()).orElseThrow();
        assertFalse(off.enabled());
        assertNull(off.nextRunAt(), "a disabled schedule has no next run");
        assertFalse(model.items().get(0).schedule().enabled(), "the card follows");

        model.setEnabled(schedule.id(), true);
        assertTrue(fixture.scheduler.get(schedule.id()).orElseThrow().enabled());
        assertTrue(model.items().get(0).schedule().enabled());
    }

    @Test
    void enablingAOneTimeScheduleWhoseTimePassedExplainsWhyAndPutsTheSwitchBack() {
        Schedule once = fixture.scheduler.create(ScheduleDraft.of("Once", new ScheduleRule.OneTime(
                LocalDateTime.of(2026, 3, 2, 8, 0)), "Prepare the meeting", null)
                .withZone(SchedulerFixture.BERLIN).withEnabled(false));
        model.reload();
        model.setEnabled(once.id(), true);
        assertTrue(model.messageProperty().get().startsWith("The time of this one-time schedule has passed"),
                model.messageProperty().get());
        assertFalse(model.items().get(0).schedule().enabled(), "the switch goes back to off");
    }

    @Test
    void runNowStartsAQuestAndTheHistoryFollowsItToSuccess() throws Exception {
        Schedule schedule = daily("Digest");
        model.reload();
        model.runNow(schedule.id());

        assertEquals(1, model.history().size());
        ScheduleRun run = model.history().get(0);
        assertEquals(RunState.RUNNING, run.state());
        assertTrue(model.messageProperty().get().startsWith("Started a run"));
        SchedulerFixture.await(() -> fixture.store.quests().summary(run.questId())
                .map(summary -> summary.status() == QuestStatus.READY).orElse(false), "the run's quest is Ready");
        SchedulerFixture.await(() -> fixture.scheduler.runs(schedule.id(), 1).get(0).state() == RunState.SUCCESS,
                "the scheduler marks the run Success");

        fx.awaitAndRun(); // the scheduler's change feed reaches the page
        SchedulerFixture.await(() -> {
            fx.runPending();
            return model.history().get(0).state() == RunState.SUCCESS;
        }, "the page shows Success");
        assertEquals(RunState.SUCCESS, model.items().get(0).lastRun().state(), "the card shows the last run");

        model.openRun(model.history().get(0));
        assertEquals(List.of(run.questId()), opened, "clicking a run opens its quest");
    }

    @Test
    void deleteAsksFirst() {
        Schedule schedule = daily("Digest");
        model.reload();
        dialogs.confirmAnswer = false;
        model.delete(schedule.id());
        assertTrue(fixture.scheduler.get(schedule.id()).isPresent(), "cancelled");
        assertEquals("Delete \"Digest\"?", dialogs.lastConfirmTitle);

        dialogs.confirmAnswer = true;
        model.delete(schedule.id());
        assertTrue(fixture.scheduler.get(schedule.id()).isEmpty());
    }

    @Test
    void newAndEditGoThroughTheEditorAndSelectTheResult() {
        Schedule first = daily("Alpha");
        model.reload();
        Schedule second = daily("Beta");
        editorAnswer = Optional.of(second);
        model.newSchedule();
        assertNull(edited, "a new schedule starts from an empty form");
        assertEquals(second.id(), model.selectedIdProperty().get());
        assertEquals(2, model.items().size());

        model.edit(first.id());
        assertEquals(first.id(), edited.id(), "the form gets the schedule to edit");
    }

    @Test
    void missedRunsAppearInTheHistoryWithTheirMessage() {
        Schedule schedule = daily("Digest");
        fixture.scheduler.tick(java.time.Instant.parse("2026-03-04T12:00:00Z")); // two days later: missed
        model.reload();
        model.select(schedule.id());
        ScheduleRun missed = model.history().get(0);
        assertEquals(RunState.MISSED, missed.state());
        assertTrue(missed.message().contains("Missed"), missed.message());
        model.openRun(missed);
        assertTrue(opened.isEmpty(), "a missed run has no quest to open");
    }

    /** Answers confirmations as the test says; the other dialogs are not used here. */
    private static final class ConfirmingDialogs implements DialogService {
        boolean confirmAnswer;
        String lastConfirmTitle;

        @Override
        public Optional<Path> chooseFolder(String title, Path initialFolder) {
            return Optional.empty();
        }

        @Override
        public boolean confirm(String title, String message, String confirmLabel) {
            lastConfirmTitle = title;
            return confirmAnswer;
        }

        @Override
        public Optional<String> askText(String title, String label, String initialValue) {
            return Optional.empty();
        }

        @Override
        public void showError(String title, String message) {
        }

        @Override
        public <R> Optional<R> showAndWait(Dialog<R> dialog) {
            return Optional.empty();
        }
    }
}
