package dev.questbench.workspace.actions;

import dev.questbench.workspace.git.Git;
import dev.questbench.workspace.git.GitException;
import dev.questbench.workspace.git.GitResult;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a long git command (push) and hands each stderr line to a consumer as git prints it, so progress
 * ({@code Writing objects: 40% (2/5)}, ended by a carriage return) shows while it runs. Same no-prompt environment
 * as {@link Git}; stdin is closed and the command is stopped after a timeout.
 */
final class StreamingGit {
    private final Git git;

    StreamingGit(Git git) {
        this.git = git;
    }

    /** Runs git in {@code dir}; every non-blank stderr line (split at {@code \r} or {@code \n}) goes to {@code lines}. */
    GitResult run(Path dir, List<String> args, Map<String, String> env, Duration timeout, Consumer<String> lines) {
        List<String> command = new ArrayList<>(List.of(git.executable().toString(), "-c", "core.quotepath=off"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("GIT_TERMINAL_PROMPT", "0");
        environment.put("GIT_ASKPASS", "echo");
        environment.put("GCM_INTERACTIVE", "never");
        environment.put("GIT_PAGER", "cat");
        environment.put("GIT_EDITOR", "true");
        environment.put("LC_ALL", "C");
        environment.put("LANGUAGE", "C");
        environment.putAll(env);
        builder.redirectInput(ProcessBuilder.Redirect.from(new File(
                System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null")));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new GitException("Could not start git (" + git.executable() + "): " + e.getMessage()
                    + ". Check that git is installed.", e);
        }
        CompletableFuture<byte[]> out = background(() -> readAll(process.getInputStream()));
        CompletableFuture<byte[]> err = background(() -> readLines(process.getErrorStream(), lines));
        String what = "git " + (args.isEmpty() ? "" : args.get(0));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new GitException(what + " did not finish within " + timeout.toSeconds() + " s in " + dir
                        + " and was stopped. Check the network and the remote, then try again.", -1, "");
            }
            return new GitResult(process.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new GitException(what + " was interrupted", e);
        }
    }

    private static byte[] readAll(InputStream stream) throws IOException {
        try (InputStream in = stream) {
            return in.readAllBytes();
        }
    }

    /** Reads everything, passing each line on as soon as its {@code \r} or {@code \n} arrives. */
    private static byte[] readLines(InputStream stream, Consumer<String> lines) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (InputStream in = stream) {
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) > 0; ) {
                all.write(buffer, 0, n);
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\r' || b == '\n') {
                        emit(line, lines);
                    } else {
                        line.write(b);
                    }
                }
            }
        }
        emit(line, lines);
        return all.toByteArray();
    }

    private static void emit(ByteArrayOutputStream line, Consumer<String> lines) {
        String text = line.toString(StandardCharsets.UTF_8).strip();
        line.reset();
        if (!text.isEmpty()) {
            try {
                lines.accept(text);
            } catch (RuntimeException e) {
                // a failing listener must not stop git's output being read (git would block on a full pipe)
            }
        }
    }

    private interface Reader {
        byte[] read() throws IOException;
    }

    private static CompletableFuture<byte[]> background(Reader reader) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return reader.read();
            } catch (IOException e) {
                return new byte[0];
            }
        }, task -> {
            Thread thread = new Thread(task, "git-stream");
            thread.setDaemon(true);
            thread.start();
        });
    }
}
