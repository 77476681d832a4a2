package dev.questbench.agent.builtin.hooks;

import dev.questbench.llm.Cancellation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command hook as a child process: the input JSON on stdin, stdout and stderr captured (first 64 KB
 * each), the whole process tree killed on timeout or cancel.
 */
final class HookProcess {
    static final int OUTPUT_CAP = 64 * 1024;
    /** How long to wait for output pipes after the process ended (a leftover grandchild may hold them open). */
    private static final long DRAIN_MS = 2_000;
    private static final String SHELL = findShell();

    private HookProcess() {
    }

    static HookRun run(HookEvent event, CommandHook hook, byte[] stdin, Path projectDir, Duration timeout,
                       Cancellation cancel) {
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(commandLine(hook));
        if (projectDir != null && Files.isDirectory(projectDir)) {
            builder.directory(projectDir.toFile());
        }
        Map<String, String> env = builder.environment();
        if (projectDir != null) {
            env.put("QODER_PROJECT_DIR", projectDir.toString());
            env.put("CLAUDE_PROJECT_DIR", projectDir.toString());
        }
        env.putAll(hook.env());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new HookRun(event, hook.command(), -1, "", "could not start hook: " + e.getMessage(),
                    elapsedMs(start), false);
        }
        Capture out = new Capture(process.getInputStream(), "hook-stdout");
        Capture err = new Capture(process.getErrorStream(), "hook-stderr");
        Thread writer = daemon("hook-stdin", () -> {
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin);
            } catch (IOException ignored) {
                // the hook did not read its input (or ended early): that is its choice
            }
        });
        writer.start();
        boolean timedOut = false;
        AutoCloseable onCancel = cancel == null ? () -> { } : cancel.onCancel(() -> killTree(process));
        try {
            if (!process.waitFor(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
                timedOut = true;
                killTree(process);
                process.waitFor(DRAIN_MS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(onCancel);
        }
        if (process.isAlive()) {
            killTree(process);
        }
        int exit = timedOut || process.isAlive() ? -1 : process.exitValue();
        return new HookRun(event, hook.command(), exit, out.text(), err.text(), elapsedMs(start), timedOut);
    }

    private static List<String> commandLine(CommandHook hook) {
        List<String> line = new ArrayList<>();
        if (hook.args() != null) {
            line.add(hook.command());
            line.addAll(hook.args());
        } else {
            line.add(SHELL);
            line.add("-c");
            line.add(hook.command());
        }
        return line;
    }

    /** Children first, so none is left running when its parent goes. */
    static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static String findShell() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "bash"))) {
                return "bash";
            }
        }
        return Files.isExecutable(Path.of("/bin/bash")) ? "/bin/bash" : "sh";
    }

    private static long elapsedMs(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // unregistering a cancel action cannot fail in a way that matters here
        }
    }

    /** Reads a stream to its end on its own thread, keeping the first {@link #OUTPUT_CAP} bytes. */
    private static final class Capture {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final Thread thread;
        private volatile boolean truncated;

        Capture(InputStream stream, String name) {
            thread = daemon(name, () -> {
                byte[] buffer = new byte[8192];
                try (stream) {
                    int n;
                    while ((n = stream.read(buffer)) >= 0) {
                        synchronized (kept) {
                            int room = OUTPUT_CAP - kept.size();
                            kept.write(buffer, 0, Math.max(0, Math.min(room, n)));
                            truncated |= n > room;
                        }
                    }
                } catch (IOException ignored) {
                    // the process was killed: keep what arrived
                }
            });
            thread.start();
        }

        String text() {
            try {
                thread.join(DRAIN_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (kept) {
                String s = kept.toString(StandardCharsets.UTF_8);
                return truncated ? s + "\n[output cut at 64 KB]" : s;
            }
        }
    }
}
