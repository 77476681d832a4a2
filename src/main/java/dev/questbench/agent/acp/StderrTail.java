package dev.questbench.agent.acp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Drains an agent's stderr on its own thread: the last lines stay in memory (for the error a crash shows) and
 * every line goes to a log file (for the log pane and bug reports).
 */
final class StderrTail {
    static final int LINES = 40;
    private static final int MAX_LINE = 2_000;

    private final Deque<String> lines = new ArrayDeque<>();
    private final Path logFile;
    private final Thread drain;

    StderrTail(InputStream stderr, Path logFile, String name) {
        this.logFile = logFile;
        this.drain = new Thread(() -> drain(stderr), name + "-stderr");
        drain.setDaemon(true);
        drain.start();
    }

    Path logFile() {
        return logFile;
    }

    /** The last lines, oldest first. */
    synchronized List<String> last(int count) {
        List<String> all = new ArrayList<>(lines);
        return all.subList(Math.max(0, all.size() - count), all.size());
    }

    /** Waits briefly for the drain to reach the end, so a crash report has the agent's last words. */
    void awaitEnd(long millis) {
        try {
            drain.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain(InputStream stderr) {
        Writer log = openLog();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String kept = line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "…" : line;
                synchronized (this) {
                    lines.addLast(kept);
                    if (lines.size() > LINES) {
                        lines.removeFirst();
                    }
                }
                if (log != null) {
                    log.write(kept);
                    log.write('\n');
                    log.flush();
                }
            }
        } catch (IOException e) {
            // the process is gone
        } finally {
            if (log != null) {
                try {
                    log.close();
                } catch (IOException ignored) {
                    // nothing more to write
                }
            }
        }
    }

    private Writer openLog() {
        if (logFile == null) {
            return null;
        }
        try {
            Files.createDirectories(logFile.getParent());
            return Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            return null; // no log file: the in-memory tail still works
        }
    }
}
