package dev.questbench.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * When this process started, on the {@link System#nanoTime()} scale, so {@code --startup-metrics} can report
 * the cold start a user sees (from launching the program to the first frame).
 */
final class StartClock {
    // Linux reports process start in clock ticks since boot; USER_HZ is 100 on every mainstream kernel.
    private static final double TICKS_PER_SECOND = 100.0;

    private StartClock() {
    }

    /** The process start on the {@code System.nanoTime()} scale. */
    static long processStartNanos() {
        long now = System.nanoTime();
        long ageNanos = linuxProcessAgeNanos();
        if (ageNanos < 0) {
            // Elsewhere: the JVM's own start time (misses the launcher's first milliseconds; costs ~25 ms).
            ageNanos = ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
        }
        return now - ageNanos;
    }

    /**
     * The process age from {@code /proc} with 10 ms resolution, or -1 when unavailable.
     * ProcessHandle.Info#startInstant is no help: it adds a boot time rounded to whole seconds.
     */
    static long linuxProcessAgeNanos() {
        try {
            Path uptimeFile = Path.of("/proc/uptime");
            Path statFile = Path.of("/proc/self/stat");
            if (!Files.isReadable(uptimeFile) || !Files.isReadable(statFile)) {
                return -1;
            }
            double uptimeSeconds = Double.parseDouble(Files.readString(uptimeFile).trim().split("\\s+")[0]);
            return ageNanos(Files.readString(statFile), uptimeSeconds);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The age from a {@code /proc/<pid>/stat} line and the system uptime, or -1 when the line is malformed. */
    static long ageNanos(String statLine, double uptimeSeconds) {
        // The command name (field 2) may hold spaces and parentheses; fields after the last ')' are plain.
        int end = statLine.lastIndexOf(')');
        if (end < 0) {
            return -1;
        }
        String[] fields = statLine.substring(end + 1).trim().split("\\s+");
        int startTimeIndex = 22 - 3; // field 22 (starttime), counted from field 3 (state)
        if (fields.length <= startTimeIndex) {
            return -1;
        }
        double startSeconds = Long.parseLong(fields[startTimeIndex]) / TICKS_PER_SECOND;
        double age = uptimeSeconds - startSeconds;
        return age < 0 ? -1 : (long) (age * 1_000_000_000L);
    }
}
