package dev.questbench.ui.schedule;

import dev.questbench.engine.schedule.Scheduler;
import dev.questbench.store.Store;
import dev.questbench.ui.common.Debouncer;
import dev.questbench.ui.common.DialogService;
import dev.questbench.ui.common.TaskRunner;
import java.time.Clock;
import javafx.util.Duration;

/**
 * Opens the schedule form as a modal dialog: from the Schedules page, and from other screens (a
 * {@code /schedule} card's Edit, a spec's Schedule button) that want the same form.
 */
public final class ScheduleForms {
    /** How long the preview waits for typing to pause. */
    static final Duration PREVIEW_QUIET = Duration.millis(250);

    private ScheduleForms() {
    }

    /** An editor that shows the real dialog; call its {@code edit} on the FX thread. */
    public static ScheduleEditor dialogs(Scheduler scheduler, Store store, TaskRunner tasks, DialogService dialogs) {
        return schedule -> {
            ScheduleFormViewModel form = new ScheduleFormViewModel(scheduler, store, tasks,
                    Debouncer.fx(PREVIEW_QUIET), Clock.systemDefaultZone(), schedule);
            return dialogs.showAndWait(new ScheduleFormDialog(form));
        };
    }
}
