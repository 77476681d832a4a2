package dev.questbench.workspace.env;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a workspace's worktree setup script ({@code bash -c script}) in a new worktree and streams what it prints.
 *
 * <p>Output (stdout and stderr merged) reaches {@code output} on the calling thread as whole lines, batched every
 * {@value #TICK_MS} ms, so a chatty {@code npm ci} does not become thousands of journal events. Only the first
 * {@value #MAX_KEPT_CHARS} characters are passed on; the rest is counted. Known limit: a background process the
 * script leaves running keeps the output pipe open; it is waited for {@value #DRAIN_MS} ms after the script ends,
 * then no longer read.
 */
public final class SetupScript {
    public static final Duration TIMEOUT = Duration.ofMinutes(10);
    static final int MAX_KEPT_CHARS = 256 * 1024;
    static final long TICK_MS = 150;
    static final long DRAIN_MS = 2_000;
    private static final String EOF = new String("EOF"); // identity marker, never equal to a read line by ==

    private SetupScript() {
    }

    /**
     * How the script ended.
     *
     * @param exitCode its exit status, or -1 when it timed out, was interrupted or could not start
     * @param message  for the user: what happened and, when it failed, what to do
     */
    public record Result(int exitCode, boolean timedOut, String message, Duration took) {
        public boolean failed() {
            return exitCode != 0;
        }
    }

    /** Runs the script in {@code dir} with extra environment variables; never throws for a failing script. */
    public static Result run(Path dir, String script, Map<String, String> env, Duration timeout,
                             Consumer<String> output) {
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File(windows() ? "NUL" : "/dev/null")));
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new Result(-1, false, "The worktree setup script could not start (" + e.getMessage() + "). "
                    + "It runs with bash: install bash, or change the script in Settings → Worktrees. "
                    + "The worktree is ready without it.", took(start));
        }
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> read(process, lines), "setup-script-output");
        reader.setDaemon(true);
        reader.start();
        Delivery delivery = new Delivery(output);
        boolean timedOut = false;
        boolean interrupted = false;
        long deadline = start + timeout.toNanos();
        long drainUntil = Long.MAX_VALUE;
        try {
            while (true) {
                List<String> batch = new ArrayList<>();
                String first = lines.poll(TICK_MS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    lines.drainTo(batch);
                }
                boolean ended = delivery.deliver(batch);
                if (ended) {
                    break;
                }
                long now = System.nanoTime();
                if (!process.isAlive() && drainUntil == Long.MAX_VALUE) {
                    drainUntil = now + TimeUnit.MILLISECONDS.toNanos(DRAIN_MS);
                }
                if (now > drainUntil) {
                    break; // a background child holds the pipe; the script itself is done
                }
                if (process.isAlive() && now > deadline) {
                    timedOut = true;
                    stop(process);
                }
            }
        } catch (InterruptedException e) {
            interrupted = true;
            stop(process);
            Thread.currentThread().interrupt();
        }
        int exit = -1;
        if (!timedOut && !interrupted) {
            try {
                // the output can end before the script does (it closed stdout); the deadline still holds
                if (process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    exit = process.exitValue();
                } else {
                    timedOut = true;
                    stop(process);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                interrupted = true;
                stop(process);
            }
        }
        Duration took = took(start);
        return new Result(exit, timedOut, message(exit, timedOut, interrupted, timeout, took, delivery.dropped),
                took);
    }

    private static String message(int exit, boolean timedOut, boolean interrupted, Duration timeout, Duration took,
                                  long dropped) {
        String seconds = String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
        String more = dropped > 0 ? " (" + dropped + " more characters of output were not kept)" : "";
        if (exit == 0) {
            return "Setup script finished in " + seconds + "." + more;
        }
        String what = timedOut ? "did not finish within " + timeout.toMinutes() + " min and was stopped"
                : interrupted ? "was interrupted" : "failed with exit status " + exit + " after " + seconds;
        return "Setup script " + what + "." + more + " The worktree is ready, but what the script sets up may be "
                + "missing: fix the script in Settings → Worktrees, or run the missing steps in the worktree.";
    }

    private static void read(Process process, LinkedBlockingQueue<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process was stopped; what was read has been queued
        } finally {
            lines.add(EOF);
        }
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static Duration took(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static boolean windows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /** Passes batches of whole lines on, up to the kept maximum. */
    private static final class Delivery {
        private final Consumer<String> output;
        private long kept;
        long dropped;

        Delivery(Consumer<String> output) {
            this.output = output;
        }

        /** Returns true once the end of the output was seen. */
        boolean deliver(List<String> batch) {
            StringBuilder text = new StringBuilder();
            boolean ended = false;
            for (String line : batch) {
                if (line == EOF) {
                    ended = true;
                    break;
                }
                if (kept + line.length() + 1 > MAX_KEPT_CHARS) {
                    dropped += line.length() + 1;
                    continue;
                }
                kept += line.length() + 1;
                text.append(line).append('\n');
            }
            if (!text.isEmpty()) {
                output.accept(text.toString());
            }
            return ended;
        }
    }
}
