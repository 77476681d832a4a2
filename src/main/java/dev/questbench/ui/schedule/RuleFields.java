package dev.questbench.ui.schedule;

import dev.questbench.domain.schedule.ScheduleKind;
import dev.questbench.domain.schedule.ScheduleRule;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * The schedule form's "when" fields: the type picker and what each type needs (date and time, every N
 * minutes or hours, minute of the hour, time, weekdays, day of the month, cron text). Turns them into a
 * {@link ScheduleRule}, or says in words what is wrong.
 */
public final class RuleFields {
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})(?:[:.h](\\d{2}))?");

    private final ObjectProperty<ScheduleKind> kind = new SimpleObjectProperty<>(this, "kind", ScheduleKind.DAILY);
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(this, "date");
    private final StringProperty time = new SimpleStringProperty(this, "time", "09:00");
    private final ObjectProperty<Integer> every = new SimpleObjectProperty<>(this, "every", 1);
    private final ObjectProperty<IntervalUnit> unit = new SimpleObjectProperty<>(this, "unit", IntervalUnit.HOURS);
    private final ObjectProperty<Integer> minute = new SimpleObjectProperty<>(this, "minute", 0);
    private final ObservableSet<DayOfWeek> days = FXCollections.observableSet(EnumSet.range(DayOfWeek.MONDAY,
            DayOfWeek.FRIDAY));
    private final ObjectProperty<Integer> dayOfMonth = new SimpleObjectProperty<>(this, "dayOfMonth", 1);
    private final StringProperty cron = new SimpleStringProperty(this, "cron", "0 9 * * 1-5");
    /** A kept interval anchor, so editing an interval keeps its runs where they were. */
    private ScheduleRule.Interval editedInterval;

    /** The units an interval is counted in. */
    public enum IntervalUnit {
        MINUTES("minutes", Duration.ofMinutes(1)), HOURS("hours", Duration.ofHours(1)),
        DAYS("days", Duration.ofDays(1));

        private final String label;
        private final Duration size;

        IntervalUnit(String label, Duration size) {
            this.label = label;
            this.size = size;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    RuleFields(LocalDate today) {
        date.set(today.plusDays(1));
    }

    // ---- properties ----------------------------------------------------------------------------

    public ObjectProperty<ScheduleKind> kindProperty() {
        return kind;
    }

    /** One-time: the day it runs. */
    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    /** One-time, daily, weekly and monthly: the time of day, as typed ("09:30"). */
    public StringProperty timeProperty() {
        return time;
    }

    /** Interval: how many {@link #unitProperty() units} apart. */
    public ObjectProperty<Integer> everyProperty() {
        return every;
    }

    public ObjectProperty<IntervalUnit> unitProperty() {
        return unit;
    }

    /** Hourly: the minute of each hour. */
    public ObjectProperty<Integer> minuteProperty() {
        return minute;
    }

    /** Weekly: the days it runs on. */
    public ObservableSet<DayOfWeek> days() {
        return days;
    }

    public ObjectProperty<Integer> dayOfMonthProperty() {
        return dayOfMonth;
    }

    public StringProperty cronProperty() {
        return cron;
    }

    // ---- the rule ------------------------------------------------------------------------------

    /** Every field the rule depends on, for listeners. */
    Observable[] all() {
        return new Observable[] {kind, date, time, every, unit, minute, days, dayOfMonth, cron};
    }

    /** Fills the fields from a saved rule (the type's fields; the others keep their defaults). */
    void load(ScheduleRule rule) {
        kind.set(rule.kind());
        if (rule instanceof ScheduleRule.OneTime oneTime) {
            date.set(oneTime.at().toLocalDate());
            time.set(format(oneTime.at().toLocalTime()));
        } else if (rule instanceof ScheduleRule.Interval interval) {
            editedInterval = interval;
            IntervalUnit fitting = interval.every().toMinutes() % (24 * 60) == 0 ? IntervalUnit.DAYS
                    : interval.every().toMinutes() % 60 == 0 ? IntervalUnit.HOURS : IntervalUnit.MINUTES;
            unit.set(fitting);
            every.set((int) (interval.every().toMinutes() / fitting.size.toMinutes()));
        } else if (rule instanceof ScheduleRule.Hourly hourly) {
            minute.set(hourly.minute());
        } else if (rule instanceof ScheduleRule.Daily daily) {
            time.set(format(daily.time()));
        } else if (rule instanceof ScheduleRule.Weekly weekly) {
            days.clear();
            days.addAll(weekly.days());
            time.set(format(weekly.time()));
        } else if (rule instanceof ScheduleRule.Monthly monthly) {
            dayOfMonth.set(monthly.dayOfMonth());
            time.set(format(monthly.time()));
        } else if (rule instanceof ScheduleRule.Cron expression) {
            cron.set(expression.expression());
        }
    }

    /**
     * The rule the fields describe. An interval counts from {@code now} (or keeps the edited one's anchor).
     *
     * @throws IllegalArgumentException with a message for the form
     */
    ScheduleRule rule(Instant now) {
        return switch (kind.get()) {
            case ONE_TIME -> {
                if (date.get() == null) {
                    throw new IllegalArgumentException("Pick the date it runs on.");
                }
                yield new ScheduleRule.OneTime(date.get().atTime(parseTime(time.get())));
            }
            case INTERVAL -> {
                Duration length = unit.get().size.multipliedBy(positive(every.get(), "The interval"));
                Instant anchor = editedInterval != null && editedInterval.every().equals(length)
                        ? editedInterval.anchor() : now;
                yield new ScheduleRule.Interval(length, anchor);
            }
            case HOURLY -> new ScheduleRule.Hourly(required(minute.get(), "the minute"));
            case DAILY -> new ScheduleRule.Daily(parseTime(time.get()));
            case WEEKLY -> new ScheduleRule.Weekly(days.isEmpty() ? null : EnumSet.copyOf(days), parseTime(time.get()));
            case MONTHLY -> new ScheduleRule.Monthly(required(dayOfMonth.get(), "the day of the month"),
                    parseTime(time.get()));
            case CRON -> new ScheduleRule.Cron(cron.get());
        };
    }

    /** Reads "9", "9:30", "09:30", "9.30" or "9h30" as a time of day. */
    static LocalTime parseTime(String text) {
        Matcher match = TIME.matcher(text == null ? "" : text.strip());
        if (match.matches()) {
            try {
                int hour = Integer.parseInt(match.group(1));
                int minutes = match.group(2) == null ? 0 : Integer.parseInt(match.group(2));
                return LocalTime.of(hour, minutes);
            } catch (DateTimeException e) {
                // falls through to the message below
            }
        }
        throw new IllegalArgumentException("Write the time as hours and minutes, e.g. 09:30 (got '"
                + (text == null ? "" : text.strip()) + "').");
    }

    static String format(LocalTime value) {
        return String.format(Locale.ROOT, "%02d:%02d", value.getHour(), value.getMinute());
    }

    private static int positive(Integer value, String what) {
        if (value == null || value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1.");
        }
        return value;
    }

    private static int required(Integer value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("Fill in " + what + ".");
        }
        return value;
    }
}
