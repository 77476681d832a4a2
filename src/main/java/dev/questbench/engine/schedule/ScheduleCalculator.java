package dev.questbench.engine.schedule;

import dev.questbench.domain.schedule.ScheduleRule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a schedule runs next. Times are computed from the rule, never by adding a period to "now", so runs do
 * not drift.
 *
 * <p>DST: one-time, daily, weekly, monthly and cron rules name wall-clock times in the schedule's zone. A time
 * that falls in a spring-forward gap runs once, shifted by the gap (02:30 on a day clocks jump from 02:00 to
 * 03:00 runs at 03:30); a time that occurs twice at fall-back runs once, at its first occurrence. Those are
 * {@link ZonedDateTime#of}'s rules. Hourly and interval rules count real time: hourly runs once per real hour
 * (twice in the repeated hour at fall-back, at the same minute; never in the hour that does not exist), and an
 * interval is anchor + n × every on the time line. Known limit: in zones whose DST shift is not a whole hour
 * (Lord Howe), an hourly run near the shift may move by that shift.
 */
public final class ScheduleCalculator {
    /** Guards against rules that match nothing for ages (a cron for 30 February is refused before this). */
    private static final int MAX_STEPS = 200_000;

    private ScheduleCalculator() {
    }

    /**
     * Throws {@link IllegalArgumentException} with a message for the form if the rule can never run as given
     * (an invalid or impossible cron expression).
     */
    public static void validate(ScheduleRule rule, ZoneId zone) {
        if (rule instanceof ScheduleRule.Cron cron) {
            CronRules.validate(cron.expression());
            Instant probe = Instant.parse("2000-01-01T00:00:00Z");
            if (next(rule, zone, probe).isEmpty()) {
                throw new IllegalArgumentException("'" + cron.expression() + "' never matches a real date ("
                        + CronRules.describe(cron.expression()) + "). Check the day-of-month and month fields.");
            }
        }
    }

    /** The first run time strictly after {@code after}; empty when there is none (a one-time rule in the past). */
    public static Optional<Instant> next(ScheduleRule rule, ZoneId zone, Instant after) {
        if (rule instanceof ScheduleRule.Interval interval) {
            return Optional.of(nextInterval(interval, after));
        }
        if (rule instanceof ScheduleRule.Hourly hourly) {
            return Optional.of(nextHourly(hourly.minute(), zone, after));
        }
        LocalDateTime local = searchStart(zone, after);
        for (int step = 0; step < MAX_STEPS; step++) {
            LocalDateTime candidate = nextLocal(rule, local);
            if (candidate == null) {
                return Optional.empty();
            }
            Instant instant = ZonedDateTime.of(candidate, zone).toInstant(); // gap: shifted later; overlap: earlier
            if (instant.isAfter(after)) {
                return Optional.of(instant);
            }
            local = candidate;
        }
        return Optional.empty();
    }

    /** The next {@code count} run times from {@code from} (exclusive), in the schedule's zone, for the form's preview. */
    public static List<ZonedDateTime> preview(ScheduleRule rule, ZoneId zone, Instant from, int count) {
        List<ZonedDateTime> out = new ArrayList<>(count);
        Instant cursor = from;
        while (out.size() < count) {
            Optional<Instant> next = next(rule, zone, cursor);
            if (next.isEmpty()) {
                break;
            }
            cursor = next.get();
            out.add(cursor.atZone(zone));
        }
        return out;
    }

    /** Every due time in {@code (after, until]}, at most {@code limit} of them; for counting missed runs. */
    public static List<Instant> between(ScheduleRule rule, ZoneId zone, Instant after, Instant until, int limit) {
        List<Instant> out = new ArrayList<>();
        Instant cursor = after;
        while (out.size() < limit) {
            Optional<Instant> next = next(rule, zone, cursor);
            if (next.isEmpty() || next.get().isAfter(until)) {
                break;
            }
            cursor = next.get();
            out.add(cursor);
        }
        return out;
    }

    private static Instant nextInterval(ScheduleRule.Interval interval, Instant after) {
        if (after.isBefore(interval.anchor())) {
            return interval.anchor();
        }
        long periods = Duration.between(interval.anchor(), after).toNanos() / interval.every().toNanos();
        return interval.anchor().plus(interval.every().multipliedBy(periods + 1));
    }

    private static Instant nextHourly(int minute, ZoneId zone, Instant after) {
        ZonedDateTime candidate = after.atZone(zone).truncatedTo(ChronoUnit.HOURS).withMinute(minute);
        while (!candidate.toInstant().isAfter(after)) {
            candidate = candidate.plusHours(1).withMinute(minute); // plusHours moves on the time line
        }
        return candidate.toInstant();
    }

    /**
     * Where to start looking, as a local time: normally {@code after}'s wall-clock time, but just after a
     * spring-forward gap, from the gap's start, because gap times shifted forward may still lie after {@code after}.
     */
    private static LocalDateTime searchStart(ZoneId zone, Instant after) {
        LocalDateTime local = LocalDateTime.ofInstant(after, zone);
        ZoneOffsetTransition previous = zone.getRules().previousTransition(after.plusNanos(1));
        if (previous != null && previous.isGap()
                && after.isBefore(previous.getInstant().plus(previous.getDuration()))) {
            return previous.getDateTimeBefore().minusNanos(1);
        }
        return local;
    }

    /** The first wall-clock time strictly after {@code after} that the rule names, or null if none. */
    private static LocalDateTime nextLocal(ScheduleRule rule, LocalDateTime after) {
        if (rule instanceof ScheduleRule.OneTime oneTime) {
            return oneTime.at().isAfter(after) ? oneTime.at() : null;
        }
        if (rule instanceof ScheduleRule.Daily daily) {
            LocalDateTime today = after.toLocalDate().atTime(daily.time());
            return today.isAfter(after) ? today : today.plusDays(1);
        }
        if (rule instanceof ScheduleRule.Weekly weekly) {
            LocalDate date = after.toLocalDate();
            for (int i = 0; i <= 7; i++, date = date.plusDays(1)) {
                LocalDateTime candidate = date.atTime(weekly.time());
                if (weekly.days().contains(date.getDayOfWeek()) && candidate.isAfter(after)) {
                    return candidate;
                }
            }
            throw new IllegalStateException("no weekday in " + weekly.days()); // the record forbids an empty set
        }
        if (rule instanceof ScheduleRule.Monthly monthly) {
            LocalDate month = after.toLocalDate().withDayOfMonth(1);
            for (int i = 0; i <= 1; i++, month = month.plusMonths(1)) {
                LocalDateTime candidate = dayIn(month, monthly.dayOfMonth()).atTime(monthly.time());
                if (candidate.isAfter(after)) {
                    return candidate;
                }
            }
            throw new IllegalStateException("unreachable: next month always has a candidate");
        }
        if (rule instanceof ScheduleRule.Cron cron) {
            return CronRules.nextAfter(cron.expression(), after).orElse(null);
        }
        throw new IllegalArgumentException("not a wall-clock rule: " + rule);
    }

    /** The day in that month; days past its end fall on its last day (31 → 30 April, 28/29 February). */
    static LocalDate dayIn(LocalDate anyDayOfMonth, int dayOfMonth) {
        return anyDayOfMonth.withDayOfMonth(Math.min(dayOfMonth, anyDayOfMonth.lengthOfMonth()));
    }
}
