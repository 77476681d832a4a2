package dev.questbench.ui.schedule;

import dev.questbench.domain.schedule.Schedule;
import dev.questbench.domain.schedule.ScheduleRun;
import dev.questbench.engine.schedule.ScheduleDescription;

/** One card on the Schedules page: the schedule and its latest run (null before the first). */
public record ScheduleItem(Schedule schedule, ScheduleRun lastRun) {

    public String id() {
        return schedule.id();
    }

    /** "Every weekday at 09:00". */
    public String description() {
        return ScheduleDescription.of(schedule.rule());
    }
}
