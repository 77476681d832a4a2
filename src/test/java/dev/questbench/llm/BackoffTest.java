package dev.questbench.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** Retry delays: exponential with jitter, the server's Retry-After in its three spellings, all capped. */
class BackoffTest {
    private static final RetryPolicy POLICY = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofSeconds(120));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-10T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void doublesEachAttemptWithJitterBetweenHalfAndFull() {
        Backoff low = new Backoff(POLICY, CLOCK, () -> 0.0);
        Backoff high = new Backoff(POLICY, CLOCK, () -> 0.999_999);

        assertEquals(500, low.delayMillis(1, null));
        assertEquals(1000, high.delayMillis(1, null), 1);
        assertEquals(2000, low.delayMillis(3, Headers.of()));
        assertEquals(4000, high.delayMillis(3, Headers.of()), 1);
        assertEquals(15_000, low.delayMillis(10, null), "capped at maxDelay before jitter");
        assertEquals(15_000, low.delayMillis(500, null), "no overflow for absurd attempt numbers");
    }

    @Test
    void honoursRetryAfterSecondsDatesAndMilliseconds() {
        Backoff backoff = new Backoff(POLICY, CLOCK, () -> 0.5);

        assertEquals(7000, backoff.delayMillis(1, Headers.of("Retry-After", "7")));
        assertEquals(1500, backoff.delayMillis(4, Headers.of("Retry-After", "1.5")));
        assertEquals(12_000, backoff.delayMillis(1, Headers.of("Retry-After", "Mon, 10 Mar 2025 12:00:12 GMT")));
        assertEquals(0, backoff.delayMillis(1, Headers.of("Retry-After", "Mon, 10 Mar 2025 11:59:00 GMT")));
        assertEquals(250, backoff.delayMillis(1, Headers.of("retry-after-ms", "250", "Retry-After", "1")));
    }

    @Test
    void capsRetryAfterAndIgnoresGarbage() {
        Backoff backoff = new Backoff(POLICY, CLOCK, () -> 0.0);

        assertEquals(30_000, backoff.delayMillis(1, Headers.of("Retry-After", "3600")));
        assertEquals(500, backoff.delayMillis(1, Headers.of("Retry-After", "soon")), "falls back to backoff");
        assertNull(backoff.retryAfterMillis(Headers.of("Retry-After", "-3")));
    }
}
