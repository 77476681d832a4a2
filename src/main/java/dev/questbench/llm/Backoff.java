package dev.questbench.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.DoubleSupplier;
import okhttp3.Headers;

/**
 * How long to wait before the next attempt: the server's {@code Retry-After} when it sent one, otherwise
 * exponential backoff with jitter; both capped by {@link RetryPolicy#maxDelay()}.
 */
final class Backoff {
    private final RetryPolicy policy;
    private final Clock clock;
    private final DoubleSupplier random;

    Backoff(RetryPolicy policy, Clock clock, DoubleSupplier random) {
        this.policy = policy;
        this.clock = clock;
        this.random = random;
    }

    /** The delay after attempt {@code failedAttempt} (1 for the first) failed; {@code headers} may be null. */
    long delayMillis(int failedAttempt, Headers headers) {
        long max = Math.max(0, policy.maxDelay().toMillis());
        Long hinted = headers == null ? null : retryAfterMillis(headers);
        if (hinted != null) {
            return Math.min(hinted, max);
        }
        long initial = Math.max(1, policy.initialDelay().toMillis());
        int doublings = Math.min(Math.max(failedAttempt - 1, 0), 30);
        long base = Math.min(max, initial << doublings);
        // "Equal jitter": at least half the exponential step, so retries never bunch at zero.
        long half = base / 2;
        return half + (long) (random.getAsDouble() * (base - half));
    }

    /** {@code retry-after-ms} (OpenAI), then {@code Retry-After} in seconds or as an HTTP date; null if neither. */
    Long retryAfterMillis(Headers headers) {
        Long millis = number(headers.get("retry-after-ms"), 1);
        if (millis != null) {
            return millis;
        }
        String value = headers.get("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        Long seconds = number(value, 1000);
        if (seconds != null) {
            return seconds;
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
            return Math.max(0, Duration.between(clock.instant(), at.toInstant()).toMillis());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Long number(String value, int millisPerUnit) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double amount = Double.parseDouble(value.trim());
            return amount < 0 || Double.isNaN(amount) ? null : (long) Math.ceil(amount * millisPerUnit);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
