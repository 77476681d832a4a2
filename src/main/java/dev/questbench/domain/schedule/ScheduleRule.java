package dev.questbench.domain.schedule;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When a schedule runs. Local times ({@code at}, {@code time}) are wall-clock times in the schedule's zone;
 * {@code dev.questbench.engine.schedule.ScheduleCalculator} turns them into instants, DST rules included.
 * Stored as JSON with a {@code type} discriminator ({@code one_time}, {@code interval}, ...).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ScheduleRule.OneTime.class, name = "one_time"),
        @JsonSubTypes.Type(value = ScheduleRule.Interval.class, name = "interval"),
        @JsonSubTypes.Type(value = ScheduleRule.Hourly.class, name = "hourly"),
        @JsonSubTypes.Type(value = ScheduleRule.Daily.class, name = "daily"),
        @JsonSubTypes.Type(value = ScheduleRule.Weekly.class, name = "weekly"),
        @JsonSubTypes.Type(value = ScheduleRule.Monthly.class, name = "monthly"),
        @JsonSubTypes.Type(value = ScheduleRule.Cron.class, name = "cron")})
public sealed interface ScheduleRule {

    /** Intervals shorter than this would flood the board with quests. */
    Duration MIN_INTERVAL = Duration.ofMinutes(1);

    /** Which kind of rule this is, for the form's type picker. */
    @JsonIgnore
    default ScheduleKind kind() {
        if (this instanceof OneTime) {
            return ScheduleKind.ONE_TIME;
        }
        if (this instanceof Interval) {
            return ScheduleKind.INTERVAL;
        }
        if (this instanceof Hourly) {
            return ScheduleKind.HOURLY;
        }
        if (this instanceof Daily) {
            return ScheduleKind.DAILY;
        }
        if (this instanceof Weekly) {
            return ScheduleKind.WEEKLY;
        }
        return this instanceof Monthly ? ScheduleKind.MONTHLY : ScheduleKind.CRON;
    }

    /** Once, at a local date and time. */
    record OneTime(LocalDateTime at) implements ScheduleRule {
        public OneTime {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * Every {@code every}, counted from {@code anchor} on the real time line (anchor, anchor + every, ...), so
     * runs never drift and DST changes do not move them.
     */
    record Interval(@JsonFormat(shape = JsonFormat.Shape.STRING) Duration every, Instant anchor)
            implements ScheduleRule {
        public Interval {
            Objects.requireNonNull(every, "every");
            Objects.requireNonNull(anchor, "anchor");
            if (every.compareTo(MIN_INTERVAL) < 0) {
                throw new IllegalArgumentException("An interval must be at least one minute (got "
                        + every.toSeconds() + " s).");
            }
        }
    }

    /** Every hour at this minute (0–59). */
    record Hourly(int minute) implements ScheduleRule {
        public Hourly {
            if (minute < 0 || minute > 59) {
                throw new IllegalArgumentException("The minute of an hourly schedule must be 0–59 (got " + minute + ").");
            }
        }
    }

    /** Every day at a local time. */
    record Daily(LocalTime time) implements ScheduleRule {
        public Daily {
            Objects.requireNonNull(time, "time");
        }
    }

    /** On the given days of the week at a local time. */
    record Weekly(Set<DayOfWeek> days, LocalTime time) implements ScheduleRule {
        public Weekly {
            Objects.requireNonNull(time, "time");
            if (days == null || days.isEmpty()) {
                throw new IllegalArgumentException("A weekly schedule needs at least one day of the week.");
            }
            days = Collections.unmodifiableSet(EnumSet.copyOf(days)); // Monday first, for descriptions and JSON
        }
    }

    /**
     * On a day of the month (1–31) at a local time. Days 29–31 fall on the last day of shorter months (day 31
     * runs on 30 April and on 28 or 29 February), so such a schedule still runs every month.
     */
    record Monthly(int dayOfMonth, LocalTime time) implements ScheduleRule {
        public Monthly {
            Objects.requireNonNull(time, "time");
            if (dayOfMonth < 1 || dayOfMonth > 31) {
                throw new IllegalArgumentException("The day of a monthly schedule must be 1–31 (got " + dayOfMonth + ").");
            }
        }
    }

    /**
     * A 5-field UNIX cron expression (minute hour day-of-month month day-of-week), such as {@code 0 9 * * 1-5}.
     * Checked by the calculator, which can parse it; here it only must not be blank.
     */
    record Cron(String expression) implements ScheduleRule {
        public Cron {
            if (expression == null || expression.isBlank()) {
                throw new IllegalArgumentException("A cron schedule needs an expression, e.g. '0 9 * * 1-5'.");
            }
            expression = expression.strip().replaceAll("\\s+", " ");
        }
    }
}
