package dev.questbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StartClockTest {

    @Test
    void ageComesFromTheStartTimeFieldEvenWhenTheCommandNameHasSpacesAndParentheses() {
        // Fields: pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
        // cutime cstime priority nice threads itrealvalue starttime ...
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 12 0 123456 999 77";
        assertEquals(1_500_000_000L, StartClock.ageNanos(stat, 1234.56 + 1.5), 1_000);
    }

    @Test
    void malformedLinesGiveMinusOne() {
        assertEquals(-1, StartClock.ageNanos("garbage", 10));
        assertEquals(-1, StartClock.ageNanos("1 (x) S 1 2", 10));
    }

    @Test
    void processStartIsInThePastAndRecent() {
        long start = StartClock.processStartNanos();
        long age = System.nanoTime() - start;
        assertTrue(age > 0, "age " + age);
        assertTrue(age < 24L * 3600 * 1_000_000_000L, "age " + age);
    }
}
