package dev.questbench.ui.schedule;

import dev.questbench.domain.schedule.Schedule;
import java.util.Optional;

/** Opens the schedule form and waits for it: the saved schedule, or empty when cancelled. */
@FunctionalInterface
public interface ScheduleEditor {

    /** @param schedule the schedule to edit, or null for a new one */
    Optional<Schedule> edit(Schedule schedule);
}
