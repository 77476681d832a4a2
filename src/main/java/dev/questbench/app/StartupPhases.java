package dev.questbench.app;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a desktop start spends its time, printed with {@code --startup-metrics} after the first-frame line:
 * each mark is the time since the previous one, so the slow phase stands out.
 */
final class StartupPhases {
    private static final List<String> NAMES = new ArrayList<>();
    private static final List<Long> TIMES = new ArrayList<>();
    private static volatile boolean on;

    private StartupPhases() {
    }

    /** Starts recording, counting from {@code startNanos} (the process start). */
    static synchronized void start(long startNanos) {
        on = true;
        NAMES.clear();
        TIMES.clear();
        NAMES.add("process start");
        TIMES.add(startNanos);
    }

    /** Marks the end of a phase, from any thread; does nothing unless recording. */
    static void mark(String name) {
        if (on) {
            long now = System.nanoTime();
            synchronized (StartupPhases.class) {
                NAMES.add(name);
                TIMES.add(now);
            }
        }
    }

    /** "startup phases: JVM and launcher 310 ms, store opened 40 ms, …", in the order they were marked. */
    static synchronized String summary() {
        StringBuilder text = new StringBuilder("startup phases:");
        for (int i = 1; i < NAMES.size(); i++) {
            text.append(i == 1 ? " " : ", ").append(NAMES.get(i)).append(' ')
                    .append((TIMES.get(i) - TIMES.get(i - 1)) / 1_000_000L).append(" ms");
        }
        return text.toString();
    }
}
