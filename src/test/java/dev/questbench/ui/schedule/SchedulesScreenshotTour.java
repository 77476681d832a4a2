package dev.questbench.ui.schedule;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.schedule.RunState;
import dev.questbench.domain.schedule.Schedule;
import dev.questbench.domain.schedule.ScheduleKind;
import dev.questbench.domain.schedule.ScheduleDraft;
import dev.questbench.domain.schedule.ScheduleRule;
import dev.questbench.domain.schedule.ScheduleRun;
import dev.questbench.engine.Notification;
import dev.questbench.engine.Notification.Kind;
import dev.questbench.engine.schedule.Scheduler;
import dev.questbench.store.Store;
import dev.questbench.ui.common.FxDialogService;
import dev.questbench.ui.common.Debouncer;
import dev.questbench.ui.common.FxTaskRunner;
import dev.questbench.ui.common.Stylesheets;
import dev.questbench.ui.notify.DesktopNotifier;
import dev.questbench.ui.notify.NotificationSound;
import dev.questbench.ui.notify.OsNotifications;
import dev.questbench.ui.shell.MainWindow;
import dev.questbench.ui.settings.SettingsDialog;
import dev.questbench.ui.settings.SettingsViewModel;
import dev.questbench.ui.shell.ThemePreference;
import dev.questbench.ui.testing.Snapshots;
import dev.questbench.ui.testing.TestEngine;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test: with {@code -Dqb.shots=DIR} it saves screenshots of the Schedules page, the schedule form, the
 * Settings dialog and toasts, in light and dark. Skipped otherwise.
 */
@ExtendWith(ApplicationExtension.class)
class SchedulesScreenshotTour {
    @TempDir
    Path dir;

    @Test
    void saveScreenshots(FxRobot robot) throws Exception {
        String shots = System.getProperty("qb.shots");
        assumeTrue(shots != null, "set -Dqb.shots=DIR to save screenshots");
        Path out = Path.of(shots);
        try (Store store = Store.open(dir.resolve("data")); FxTaskRunner tasks = new FxTaskRunner(2);
             TestEngine engine = TestEngine.unstarted(store)) {
            List<String> quests = seedQuests(store);
            MainWindow[] window = new MainWindow[1];
            DesktopNotifier notifier = new DesktopNotifier(store.settings(), Runnable::run, Platform::runLater,
                    OsNotifications.NONE, NotificationSound.NONE);
            fx(() -> {
                Stage stage = new Stage();
                window[0] = new MainWindow(stage, store, engine.parts, tasks, new FxDialogService(() -> stage), false);
                window[0].showNotifications(notifier);
                stage.setWidth(1280); // the headless screen's size
                stage.setHeight(800);
                stage.show();
            });
            fx(() -> window[0].model().showSchedules());
            settle();
            fx(() -> Snapshots.write(window[0].stage().getScene(), out.resolve("schedules-empty-light.png")));
            seedSchedules(store, engine.parts.scheduler(), quests);
            for (ThemePreference theme : List.of(ThemePreference.LIGHT, ThemePreference.DARK)) {
                String suffix = "-" + theme.name().toLowerCase(Locale.ROOT) + ".png";
                fx(() -> {
                    window[0].model().themeProperty().set(theme);
                    window[0].model().showSchedules();
                });
                settle();
                robot.clickOn(robot.lookup("#schedule-cards .schedule-name").queryAllAs(Label.class).stream()
                        .filter(label -> label.getText().equals("Morning digest")).findFirst().orElseThrow());
                settle();
                fx(() -> Snapshots.write(window[0].stage().getScene(), out.resolve("schedules" + suffix)));

                ScheduleFormViewModel form = new ScheduleFormViewModel(engine.parts.scheduler(), store, tasks,
                        Debouncer.immediate(), Clock.systemDefaultZone(), null);
                ScheduleFormDialog[] formDialog = new ScheduleFormDialog[1];
                fx(() -> {
                    form.nameProperty().set("Weekly dependency check");
                    form.rule().kindProperty().set(ScheduleKind.WEEKLY);
                    form.rule().days().removeAll(EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY));
                    form.instructionsProperty().set("Check for outdated dependencies and write a short summary of "
                            + "what to upgrade first.");
                    formDialog[0] = new ScheduleFormDialog(form);
                    show(formDialog[0], window[0]);
                });
                settle();
                fx(() -> Snapshots.write(formDialog[0].getDialogPane().getScene(), out.resolve("schedule-form" + suffix)));
                fx(() -> formDialog[0].close());

                SettingsViewModel settings = new SettingsViewModel(store.settings(), tasks,
                        window[0].model().themeProperty(), limit -> { }, notifier::test);
                SettingsDialog[] settingsDialog = new SettingsDialog[1];
                fx(() -> {
                    settingsDialog[0] = new SettingsDialog(settings);
                    show(settingsDialog[0], window[0]);
                });
                settle();
                fx(() -> Snapshots.write(settingsDialog[0].getDialogPane().getScene(), out.resolve("settings" + suffix)));
                fx(() -> settingsDialog[0].close());

                fx(() -> window[0].model().openQuest(quests.get(0)));
                notifier.notify(new Notification(Kind.READY, quests.get(1), "Write an ADR for the event journal",
                        "Finished."));
                notifier.notify(new Notification(Kind.ERROR, quests.get(2), "Add rate limiting to public endpoints",
                        "Ollama is not running at localhost:11434 — start it, or pick another provider in Settings."));
                notifier.notify(new Notification(Kind.MISSED_SCHEDULE, null, "Morning digest",
                        "Missed 2 runs, due Mon 2 Mar 09:00 to Tue 3 Mar 09:00."));
                notifier.notify(new Notification(Kind.ACTION_REQUIRED, quests.get(3), "Migrate orders to the new "
                        + "schema", "Waiting for your approval or answer."));
                settle();
                fx(() -> Snapshots.write(window[0].stage().getScene(), out.resolve("toasts" + suffix)));
                fx(() -> List.copyOf(window[0].notifications().toasts()).forEach(window[0].notifications()::dismiss));
            }
            fx(() -> window[0].close());
        }
    }

    /** Shows a dialog without waiting, themed like the window's own dialogs. */
    private static void show(javafx.scene.control.Dialog<?> dialog, MainWindow owner) {
        dialog.initOwner(owner.stage());
        Stylesheets.apply(dialog.getDialogPane().getStylesheets());
        dialog.show();
    }

    private static void fx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    private static void settle() throws Exception {
        Thread.sleep(500); // background loads, the preview's debounce and CSS; this is a picture, not an assertion
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Quests for the toasts and the runs. */
    private static List<String> seedQuests(Store store) {
        List<String> ids = new java.util.ArrayList<>();
        for (String title : List.of("Add pagination to the orders table", "Write an ADR for the event journal",
                "Add rate limiting to public endpoints", "Migrate orders to the new schema")) {
            Quest quest = Quest.create(title, title + ".", null, QuestMode.AGENT, QuestEnvironment.LOCAL,
                    Instant.now());
            store.quests().create(quest);
            ids.add(quest.id());
        }
        return ids;
    }

    /** Three schedules, one of them off, and a history in every state. */
    private static void seedSchedules(Store store, Scheduler scheduler, List<String> ids) {
        Schedule digest = scheduler.create(ScheduleDraft.of("Morning digest", new ScheduleRule.Weekly(
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0)),
                "Summarise yesterday's commits and open pull requests.", null));
        scheduler.create(ScheduleDraft.of("Nightly test backfill", new ScheduleRule.Daily(LocalTime.of(22, 0)),
                "Fill in tests for the code changed today.", null).withGoal(true));
        Schedule prices = scheduler.create(ScheduleDraft.of("Dependency audit", new ScheduleRule.Cron("0 8 1 * *"),
                "Check dependencies for known vulnerabilities.", null));
        scheduler.setEnabled(prices.id(), false);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        ScheduleRun missed = ScheduleRun.missed(digest.id(), now.minus(Duration.ofDays(4)), now.minus(Duration.ofDays(3)),
                "Missed 2 runs, due Thu 09:00 to Fri 09:00. Questbench was not running, or the computer was asleep. "
                        + "Use Run Now to run it.");
        store.schedules().addRun(missed);
        store.schedules().addRun(ScheduleRun.running(digest.id(), now.minus(Duration.ofDays(2)),
                now.minus(Duration.ofDays(2)), ids.get(1), 0).finish(RunState.FAILED,
                "Ollama is not running at localhost:11434.", now.minus(Duration.ofDays(2)).plusSeconds(4)));
        store.schedules().addRun(ScheduleRun.running(digest.id(), now.minus(Duration.ofDays(1)),
                now.minus(Duration.ofDays(1)), ids.get(0), 0).finish(RunState.SUCCESS, "Finished.",
                now.minus(Duration.ofDays(1)).plusSeconds(312)));
        store.schedules().addRun(ScheduleRun.running(digest.id(), now, now, ids.get(3), 0));
    }
}
