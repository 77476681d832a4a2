package dev.questbench.engine.schedule;

import dev.questbench.domain.schedule.ScheduleRule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the composer's {@code /schedule <when> <what>}: a time phrase at the start, the instructions after it.
 * One-time phrases ({@code in 2 hours}, {@code at 18:30}, {@code tomorrow at 9}, {@code on 2026-03-25 at 14:00}),
 * recurring ones ({@code every day at 9:00}, {@code every weekday at 9}, {@code every monday,friday at 10:30},
 * {@code every 3 hours}, {@code hourly at :15}, {@code every month on the 31st at 8:00}) and
 * {@code cron "0 9 * * 1-5"} (or backticks). Times are in the zone of {@code now}. Case does not matter; a comma
 * or colon may separate the time from the instructions.
 */
public final class ScheduleCommandParser {
    static final String EXAMPLES = "for example '/schedule every weekday at 9:00 review open pull requests', "
            + "'in 2 hours …', 'at 18:30 …', 'tomorrow at 9 …', 'every monday,friday at 10:30 …', "
            + "'every 3 hours …', 'hourly at :15 …', 'every month on the 31st at 8:00 …' or 'cron \"0 9 * * 1-5\" …'";

    private static final Pattern PREFIX = p("/schedule\\b");
    private static final Pattern IN = p("in\\s+(\\d+|an?)\\s+(\\p{Alpha}+)\\b");
    private static final Pattern AT = p("(?:today\\s+|tonight\\s+)?at\\b");
    private static final Pattern TOMORROW = p("tomorrow\\b(?:\\s+at\\b)?");
    private static final Pattern ON_DATE = p("on\\s+(\\d{4}-\\d{2}-\\d{2})\\b(?:\\s+at\\b)?");
    private static final Pattern TIME = p(
            "(noon|midnight|(\\d{1,2})(?:[:.](\\d{2}))?(?:\\s*(am|pm|a\\.m\\.|p\\.m\\.))?)(?!\\w)(?!:\\d)");
    private static final Pattern TRAILING_DAY = p("(today|tonight|tomorrow)\\b");
    private static final Pattern EVERY_DAY = p("(?:every\\s+day|each\\s+day|daily)\\b");
    private static final Pattern EVERY_WEEKDAY = p("(?:every\\s+weekday|weekdays|on\\s+weekdays)\\b");
    private static final Pattern EVERY_WEEKEND = p("every\\s+weekend(?:\\s+day)?\\b");
    private static final Pattern EVERY_HOUR = p("(?:every\\s+hour|hourly)\\b");
    private static final Pattern EVERY_MONTH = p(
            "(?:every\\s+month|monthly)\\s+on\\s+(?:the\\s+|day\\s+)?(?:(last)\\s+day|(\\d{1,2})(?:st|nd|rd|th)?)\\b");
    private static final Pattern EVERY_N = p("every\\s+(\\d+)\\s+(\\p{Alpha}+)\\b");
    private static final Pattern EVERY_WEEK_ON = p("every\\s+week\\s+on\\b");
    private static final Pattern EVERY = p("every\\b");
    private static final Pattern DAY = p("(monday|tuesday|wednesday|thursday|friday|saturday|sunday"
            + "|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)s?\\b(?:\\s*(?:-|to)\\s*(monday|tuesday|wednesday"
            + "|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)s?\\b)?");
    private static final Pattern DAY_SEPARATOR = p(",\\s*and\\b|,|and\\b|&");
    private static final Pattern AT_WORD = p("at\\b");
    private static final Pattern MINUTE = p("(?:\\d{1,2})?:(\\d{2})(?!\\d)|(\\d{1,2})(?![\\d:])");
    private static final Pattern CRON = p("cron\\s*(?:\"([^\"]*)\"|`([^`]*)`|'([^']*)')");
    private static final Pattern SEPARATOR = p("^[\\s,:;\\u2013\\u2014-]+");

    private ScheduleCommandParser() {
    }

    private static Pattern p(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** What {@link #parse} found. */
    public sealed interface Result {
    }

    /** A rule and the instructions that followed the time phrase. */
    public record Parsed(ScheduleRule rule, String instructions) implements Result {
    }

    /** Why the text could not be read, with an example to copy. */
    public record Rejected(String message) implements Result {
    }

    /** Parses the text after (or including) {@code /schedule}; times are read in {@code now}'s zone. */
    public static Result parse(String text, ZonedDateTime now) {
        try {
            Cursor cursor = new Cursor(text == null ? "" : text.strip());
            cursor.accept(PREFIX);
            if (cursor.atEnd()) {
                throw new Reject("Say when and what, " + EXAMPLES + ".");
            }
            ScheduleRule rule = when(cursor, now);
            String instructions = SEPARATOR.matcher(cursor.rest()).replaceFirst("").strip();
            if (instructions.isEmpty()) {
                throw new Reject("Say what to do after the time, for example '/schedule "
                        + cursor.consumed().strip() + " run the tests and summarise failures'.");
            }
            return new Parsed(rule, instructions);
        } catch (Reject e) {
            return new Rejected(e.getMessage());
        }
    }

    private static ScheduleRule when(Cursor cursor, ZonedDateTime now) {
        Matcher m;
        if ((m = cursor.accept(CRON)) != null) {
            String expression = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            try {
                CronRules.validate(expression);
            } catch (IllegalArgumentException e) {
                throw new Reject(e.getMessage());
            }
            return new ScheduleRule.Cron(expression);
        }
        if ((m = cursor.accept(IN)) != null) {
            long amount = m.group(1).toLowerCase(Locale.ROOT).startsWith("a") ? 1 : Long.parseLong(m.group(1));
            ChronoUnit unit = unit(m.group(2), "in 2 hours");
            if (amount < 1) {
                throw new Reject("Say a time in the future, for example 'in 2 hours …'.");
            }
            ZonedDateTime at = now.plus(amount, unit); // days and weeks keep the wall-clock time; hours are real hours
            return new ScheduleRule.OneTime(at.toLocalDateTime().truncatedTo(ChronoUnit.SECONDS));
        }
        if ((m = cursor.accept(ON_DATE)) != null) {
            LocalDate date = date(m.group(1));
            LocalTime time = time(cursor, "on " + m.group(1) + " at 14:00");
            return oneTime(date.atTime(time), now);
        }
        if (cursor.accept(TOMORROW) != null) {
            LocalTime time = time(cursor, "tomorrow at 9:00");
            return new ScheduleRule.OneTime(now.toLocalDate().plusDays(1).atTime(time));
        }
        if (cursor.accept(AT) != null) {
            LocalTime time = time(cursor, "at 18:30");
            Matcher day = cursor.accept(TRAILING_DAY);
            if (day != null && day.group(1).equalsIgnoreCase("tomorrow")) {
                return new ScheduleRule.OneTime(now.toLocalDate().plusDays(1).atTime(time));
            }
            LocalDateTime today = now.toLocalDate().atTime(time);
            // A time already past today means the next one: tomorrow.
            return new ScheduleRule.OneTime(today.isAfter(now.toLocalDateTime()) ? today : today.plusDays(1));
        }
        if ((m = cursor.accept(EVERY_MONTH)) != null) {
            int day = m.group(1) != null ? 31 : Integer.parseInt(m.group(2));
            if (day < 1 || day > 31) {
                throw new Reject("A month has days 1 to 31 (got " + day + "); for example 'every month on the 31st"
                        + " at 8:00 …' (it runs on the last day in shorter months).");
            }
            return new ScheduleRule.Monthly(day, atTime(cursor, "every month on the 1st at 9:00"));
        }
        if (cursor.accept(EVERY_DAY) != null) {
            return new ScheduleRule.Daily(atTime(cursor, "every day at 9:00"));
        }
        if (cursor.accept(EVERY_WEEKDAY) != null) {
            return new ScheduleRule.Weekly(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                    atTime(cursor, "every weekday at 9:00"));
        }
        if (cursor.accept(EVERY_WEEKEND) != null) {
            return new ScheduleRule.Weekly(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                    atTime(cursor, "every weekend at 10:00"));
        }
        if (cursor.accept(EVERY_HOUR) != null) {
            if (cursor.accept(AT_WORD) == null) {
                return new ScheduleRule.Hourly(0); // on the hour
            }
            Matcher minute = cursor.accept(MINUTE);
            int value = minute == null ? -1 : Integer.parseInt(minute.group(1) != null ? minute.group(1) : minute.group(2));
            if (value < 0 || value > 59) {
                throw new Reject("Say the minute past each hour, for example 'hourly at :15 …'.");
            }
            return new ScheduleRule.Hourly(value);
        }
        if ((m = cursor.accept(EVERY_N)) != null) {
            long amount = Long.parseLong(m.group(1));
            ChronoUnit unit = unit(m.group(2), "every 3 hours");
            Duration every = unit.getDuration().multipliedBy(amount);
            if (every.compareTo(ScheduleRule.MIN_INTERVAL) < 0) {
                throw new Reject("Repeat at most once a minute, for example 'every 15 minutes …'.");
            }
            return new ScheduleRule.Interval(every, now.toInstant().truncatedTo(ChronoUnit.MINUTES));
        }
        Cursor.Mark mark = cursor.mark();
        if (cursor.accept(EVERY_WEEK_ON) != null || cursor.accept(EVERY) != null) {
            Set<DayOfWeek> days = days(cursor);
            if (days != null) {
                return new ScheduleRule.Weekly(days, atTime(cursor, "every monday,friday at 10:30"));
            }
            cursor.reset(mark);
            throw new Reject("Cannot tell how often from '" + cursor.peekWords(3) + "'. Use a day, a weekday list or a "
                    + "number, " + EXAMPLES + ".");
        }
        throw new Reject("Cannot tell when to run from '" + cursor.peekWords(3) + "'. Start with a time, " + EXAMPLES + ".");
    }

    /** A day list: "monday,friday", "mon, wed and fri", "mon-fri"; null if the cursor is not at a day name. */
    private static Set<DayOfWeek> days(Cursor cursor) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        do {
            Matcher day = cursor.accept(DAY);
            if (day == null) {
                return days.isEmpty() ? null : days;
            }
            DayOfWeek first = dayOf(day.group(1));
            DayOfWeek last = day.group(2) == null ? first : dayOf(day.group(2));
            for (DayOfWeek d = first; ; d = d.plus(1)) {
                days.add(d);
                if (d == last) {
                    break;
                }
            }
        } while (cursor.accept(DAY_SEPARATOR) != null);
        return days;
    }

    private static DayOfWeek dayOf(String name) {
        String prefix = name.toLowerCase(Locale.ROOT).substring(0, 3);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return day;
            }
        }
        throw new IllegalStateException("not a day: " + name);
    }

    /** "at <time>", required after a recurring phrase. */
    private static LocalTime atTime(Cursor cursor, String example) {
        if (cursor.accept(AT_WORD) == null) {
            throw new Reject("Say at what time, for example '" + example + " …'.");
        }
        return time(cursor, example);
    }

    private static LocalTime time(Cursor cursor, String example) {
        Matcher m = cursor.accept(TIME);
        if (m == null) {
            throw new Reject("Cannot read a time at '" + cursor.peekWords(2) + "'. Use 18:30, 9, 9am or 6:30pm, for "
                    + "example '" + example + " …'.");
        }
        String word = m.group(1).toLowerCase(Locale.ROOT);
        if (word.equals("noon")) {
            return LocalTime.NOON;
        }
        if (word.equals("midnight")) {
            return LocalTime.MIDNIGHT;
        }
        int hour = Integer.parseInt(m.group(2));
        int minute = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        String half = m.group(4) == null ? null : m.group(4).toLowerCase(Locale.ROOT).replace(".", "");
        if (half != null) {
            if (hour < 1 || hour > 12) {
                throw new Reject("'" + m.group(1) + "' is not a time of day: with am/pm the hour is 1 to 12.");
            }
            hour = hour % 12 + (half.equals("pm") ? 12 : 0);
        }
        if (hour > 23 || minute > 59) {
            throw new Reject("'" + m.group(1) + "' is not a time of day. Use 24-hour 18:30, or 6:30pm.");
        }
        return LocalTime.of(hour, minute);
    }

    private static ChronoUnit unit(String word, String example) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.matches("m|mins?|minutes?")) {
            return ChronoUnit.MINUTES;
        }
        if (w.matches("h|hrs?|hours?")) {
            return ChronoUnit.HOURS;
        }
        if (w.matches("d|days?")) {
            return ChronoUnit.DAYS;
        }
        if (w.matches("w|weeks?")) {
            return ChronoUnit.WEEKS;
        }
        throw new Reject("'" + word + "' is not a unit I know: use minutes, hours, days or weeks, for example '"
                + example + " …'.");
    }

    private static LocalDate date(String iso) {
        try {
            return LocalDate.parse(iso);
        } catch (DateTimeParseException e) {
            throw new Reject("'" + iso + "' is not a date; use year-month-day, for example 'on 2026-03-25 at 14:00 …'.");
        }
    }

    private static ScheduleRule oneTime(LocalDateTime at, ZonedDateTime now) {
        if (!at.isAfter(now.toLocalDateTime())) {
            throw new Reject(at.toLocalDate() + " " + ScheduleDescription.time(at.toLocalTime())
                    + " has already passed. Pick a time in the future, for example 'tomorrow at 9 …'.");
        }
        return new ScheduleRule.OneTime(at);
    }

    /** A parse failure carrying the message for the user; never escapes {@link #parse}. */
    private static final class Reject extends RuntimeException {
        Reject(String message) {
            super(message, null, false, false);
        }
    }

    /** Reads the text left to right, skipping spaces before each token, case-insensitively. */
    private static final class Cursor {
        private final String text;
        private int position;

        record Mark(int position) {
        }

        Cursor(String text) {
            this.text = text;
        }

        /** Consumes the pattern at the current position (after spaces) and returns its match, or null. */
        Matcher accept(Pattern pattern) {
            int start = skipSpaces();
            Matcher m = pattern.matcher(text).region(start, text.length());
            if (!m.lookingAt()) {
                return null;
            }
            position = m.end();
            return m;
        }

        boolean atEnd() {
            return skipSpaces() >= text.length();
        }

        String rest() {
            return text.substring(position);
        }

        String consumed() {
            return text.substring(0, position);
        }

        String peekWords(int count) {
            String[] words = text.substring(skipSpaces()).split("\\s+", count + 1);
            return String.join(" ", java.util.Arrays.asList(words).subList(0, Math.min(count, words.length)));
        }

        Mark mark() {
            return new Mark(position);
        }

        void reset(Mark mark) {
            position = mark.position();
        }

        private int skipSpaces() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
            return position;
        }
    }
}
