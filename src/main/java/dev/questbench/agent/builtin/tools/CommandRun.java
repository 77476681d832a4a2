package dev.questbench.agent.builtin.tools;

import dev.questbench.llm.Cancellation;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One command run to its end, its timeout or the user's stop: stdin closed, stdout and stderr merged, output
 * captured and streamed to a progress consumer as it arrives, and the whole process tree killed when stopped.
 * Known limit: what processes left running in the background write after the command exits is not captured
 * (the JDK closes the pipe once the command's own process is gone, unless a read is in progress).
 */
final class CommandRun {
    /** How long to wait for the rest of the output once the command has exited or been killed. */
    static final Duration OUTPUT_GRACE = Duration.ofSeconds(1);

    enum Ending { EXITED, TIMED_OUT, CANCELLED }

    /**
     * @param exitCode          the exit status (meaningful when {@link Ending#EXITED})
     * @param output            the captured output (see {@link OutputCapture#bytes()})
     * @param totalBytes        how many bytes the command wrote in all
     * @param backgroundRunning true when processes the command left behind were seen holding its output open
     *                          (best effort: often the pipe is closed first and nothing is seen)
     */
    record Result(Ending ending, int exitCode, byte[] output, long totalBytes, boolean backgroundRunning) {
    }

    /**
     * Questbench's own secrets: the agent's commands never see the keys it talks to its model with, so a
     * command such as {@code env} cannot copy them into the journal.
     */
    static final java.util.Set<String> SECRET_VARIABLES = java.util.Set.of("OPENAI_API_KEY", "ANTHROPIC_API_KEY",
            "QUESTBENCH_TOKEN", "QUESTBENCH_SERVER_TOKEN");

    private CommandRun() {
    }

    static Result run(List<String> command, Path directory, Map<String, String> environment, Duration timeout,
                      Cancellation cancel, Consumer<String> progress) throws IOException {
        if (cancel.isCancelled()) {
            return new Result(Ending.CANCELLED, -1, new byte[0], 0, false);
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        File devNull = new File("/dev/null");
        builder.redirectInput(devNull.exists() ? ProcessBuilder.Redirect.from(devNull) : ProcessBuilder.Redirect.PIPE);
        builder.environment().keySet().removeAll(SECRET_VARIABLES);
        builder.environment().putAll(environment);
        OutputCapture capture = new OutputCapture();
        try (ProgressRelay relay = new ProgressRelay(progress)) {
            Process process = builder.start();
            if (!devNull.exists()) {
                process.getOutputStream().close();
            }
            Thread reader = new Thread(() -> pump(process.getInputStream(), capture, relay), "command-output");
            reader.setDaemon(true);
            reader.start();
            Ending ending = await(process, timeout, cancel);
            boolean drained = join(reader, OUTPUT_GRACE);
            int exitCode = ending == Ending.EXITED ? process.exitValue() : -1;
            return new Result(ending, exitCode, capture.bytes(), capture.total(), !drained);
        }
    }

    private static Ending await(Process process, Duration timeout, Cancellation cancel) {
        AutoCloseable registration = cancel.onCancel(() -> ProcessTree.kill(process));
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return cancel.isCancelled() ? Ending.CANCELLED : Ending.EXITED;
            }
            ProcessTree.kill(process);
            process.waitFor(OUTPUT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            return cancel.isCancelled() ? Ending.CANCELLED : Ending.TIMED_OUT;
        } catch (InterruptedException e) {
            ProcessTree.kill(process); // the turn's thread was interrupted: treat it as a stop
            Thread.currentThread().interrupt();
            return Ending.CANCELLED;
        } finally {
            try {
                registration.close();
            } catch (Exception e) {
                // unregistering cannot fail in practice; nothing to do if it does
            }
        }
    }

    // Reads until the end of the output; decodes incrementally so a character split across reads stays whole.
    private static void pump(InputStream output, OutputCapture capture, ProgressRelay relay) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        byte[] buffer = new byte[8192];
        ByteBuffer pending = ByteBuffer.allocate(buffer.length + 8);
        CharBuffer chars = CharBuffer.allocate(buffer.length + 8);
        try (output) {
            for (int n = output.read(buffer); n >= 0; n = output.read(buffer)) {
                capture.add(buffer, 0, n);
                pending.put(buffer, 0, n).flip();
                decoder.decode(pending, chars, false);
                pending.compact();
                relay.offer(chars.flip().toString());
                chars.clear();
            }
            pending.flip();
            decoder.decode(pending, chars, true);
            decoder.flush(chars);
            if (chars.flip().hasRemaining()) {
                relay.offer(chars.toString());
            }
        } catch (IOException e) {
            // the stream closes when the process is killed; what was read is kept
        }
    }

    private static boolean join(Thread thread, Duration wait) {
        try {
            thread.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }
}
