package dev.questbench.engine.schedule;

import dev.questbench.domain.schedule.ScheduleRule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Says in words when a rule runs, for cards, lists and the form: "Every weekday at 09:00". */
public final class ScheduleDescription {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final Set<DayOfWeek> WEEKEND = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    private ScheduleDescription() {
    }

    public static String of(ScheduleRule rule) {
        if (rule instanceof ScheduleRule.OneTime oneTime) {
            return "Once on " + DATE.format(oneTime.at()) + " at " + time(oneTime.at().toLocalTime());
        }
        if (rule instanceof ScheduleRule.Interval interval) {
            return "Every " + duration(interval.every());
        }
        if (rule instanceof ScheduleRule.Hourly hourly) {
            return "Every hour at :" + String.format(Locale.ROOT, "%02d", hourly.minute());
        }
        if (rule instanceof ScheduleRule.Daily daily) {
            return "Every day at " + time(daily.time());
        }
        if (rule instanceof ScheduleRule.Weekly weekly) {
            return "Every " + days(weekly.days()) + " at " + time(weekly.time());
        }
        if (rule instanceof ScheduleRule.Monthly monthly) {
            String text = "Monthly on day " + monthly.dayOfMonth() + " at " + time(monthly.time());
            return monthly.dayOfMonth() > 28 ? text + " (last day in shorter months)" : text;
        }
        ScheduleRule.Cron cron = (ScheduleRule.Cron) rule;
        return "Cron " + cron.expression() + " (" + CronRules.describe(cron.expression()) + ")";
    }

    static String time(LocalTime time) {
        return TIME.format(time);
    }

    /** "3 hours", "1 hour 30 minutes", "2 days", "minute" (for "Every minute"). */
    static String duration(Duration every) {
        long days = every.toDaysPart();
        int hours = every.toHoursPart();
        int minutes = every.toMinutesPart();
        List<String> parts = new ArrayList<>();
        if (days > 0) {
            parts.add(unit(days, "day"));
        }
        if (hours > 0) {
            parts.add(unit(hours, "hour"));
        }
        if (minutes > 0) {
            parts.add(unit(minutes, "minute"));
        }
        if (parts.size() == 1 && parts.get(0).startsWith("1 ")) {
            return parts.get(0).substring(2); // "Every hour", not "Every 1 hour"
        }
        return String.join(" ", parts);
    }

    private static String unit(long count, String name) {
        return count + " " + name + (count == 1 ? "" : "s");
    }

    private static String days(Set<DayOfWeek> days) {
        if (days.equals(WEEKDAYS)) {
            return "weekday";
        }
        if (days.equals(WEEKEND)) {
            return "Saturday and Sunday";
        }
        if (days.size() == 7) {
            return "day";
        }
        List<String> names = days.stream().sorted().map(day -> day.getDisplayName(TextStyle.FULL, Locale.UK)).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
