package dev.questbench.llm;

import java.time.Duration;

/**
 * How a client retries: exponential backoff with jitter from {@code initialDelay} up to {@code maxDelay}, at most
 * {@code maxAttempts} attempts in all, honouring {@code Retry-After}; {@code idleTimeout} is the longest silence
 * allowed inside a stream before it counts as dead.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration idleTimeout) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofSeconds(120));
}
