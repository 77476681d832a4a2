package dev.questbench.engine.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import com.cronutils.descriptor.CronDescriptor;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 5-field UNIX cron expressions through cron-utils: validation with messages a person can act on, and the next
 * matching wall-clock time. Expressions are evaluated on local date-times (in UTC, which has no DST) so that
 * the calculator applies the same DST rules to cron as to daily schedules.
 */
final class CronRules {
    static final String FIELDS = "minute hour day-of-month month day-of-week";
    static final String EXAMPLE = "'0 9 * * 1-5' runs at 09:00 Monday to Friday";

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final Map<String, Parsed> CACHE = new ConcurrentHashMap<>();

    private CronRules() {
    }

    private record Parsed(Cron cron, ExecutionTime time) {
    }

    /** Throws {@link IllegalArgumentException} saying what is wrong with the expression, with an example. */
    static void validate(String expression) {
        parsed(expression);
    }

    /** The first matching local date-time strictly after {@code after}; empty if the expression never matches again. */
    static Optional<LocalDateTime> nextAfter(String expression, LocalDateTime after) {
        return parsed(expression).time().nextExecution(after.atZone(ZoneOffset.UTC))
                .map(next -> next.toLocalDateTime());
    }

    /** cron-utils' English wording, e.g. "at 09:00 every day between Monday and Friday". */
    static String describe(String expression) {
        return CronDescriptor.instance(Locale.UK).describe(parsed(expression).cron());
    }

    private static Parsed parsed(String expression) {
        String normalised = expression == null ? "" : expression.strip().replaceAll("\\s+", " ");
        Parsed cached = CACHE.get(normalised);
        if (cached != null) {
            return cached;
        }
        String[] fields = normalised.isEmpty() ? new String[0] : normalised.split(" ");
        if (fields.length != 5) {
            throw new IllegalArgumentException("'" + normalised + "' is not a 5-field cron expression (" + FIELDS
                    + "). For example, " + EXAMPLE + ".");
        }
        try {
            Cron cron = PARSER.parse(normalised);
            cron.validate();
            Parsed parsed = new Parsed(cron, ExecutionTime.forCron(cron));
            if (CACHE.size() < 1_000) { // expressions come from people; a bound keeps a runaway caller harmless
                CACHE.put(normalised, parsed);
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            String why = String.valueOf(e.getMessage()).replace("Failed to parse cron expression. ", "").strip();
            throw new IllegalArgumentException("'" + normalised + "' is not a valid cron expression: " + why
                    + ". The fields are " + FIELDS + "; for example, " + EXAMPLE + ".", e);
        }
    }
}
