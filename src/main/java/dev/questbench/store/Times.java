package dev.questbench.store;

import java.time.Instant;

/** Instants as INTEGER nanoseconds since the epoch: exact round trips and cheap ordering in SQL. */
final class Times {
    private static final long NANOS = 1_000_000_000L;

    private Times() {
    }

    static long toNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS), instant.getNano());
    }

    static Instant fromNanos(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
    }
}
