package dev.questbench.engine.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests move by hand. */
final class ScheduleTestClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    ScheduleTestClock(Instant start, ZoneId zone) {
        this.now = new AtomicReference<>(start);
        this.zone = zone;
    }

    void set(Instant instant) {
        now.set(instant);
    }

    Instant advance(Duration by) {
        return now.updateAndGet(current -> current.plus(by));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new ScheduleTestClock(now.get(), other);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
