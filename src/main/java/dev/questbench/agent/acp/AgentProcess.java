package dev.questbench.agent.acp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A running ACP agent: the child process, its JSON-RPC connection over stdin/stdout and its stderr tail.
 */
final class AgentProcess implements AutoCloseable {
    private final AcpPreset preset;
    private final Process process;
    private final JsonRpcConnection connection;
    private final StderrTail stderr;

    private AgentProcess(AcpPreset preset, Process process, JsonRpcConnection connection, StderrTail stderr) {
        this.preset = preset;
        this.process = process;
        this.connection = connection;
        this.stderr = stderr;
    }

    /** Starts the agent; throws with a message for the user when the program cannot be started. */
    static AgentProcess start(AcpPreset preset, Path directory, Path logFile, JsonRpcConnection.Handler handler) {
        if (preset.command().isBlank()) {
            throw new IllegalStateException("The agent '" + preset.name() + "' has no command. Set its command in "
                    + "Settings → Agents (e.g. 'qodercli --acp'), then Retry.");
        }
        List<String> command = new ArrayList<>();
        command.add(preset.command());
        command.addAll(preset.args());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(preset.env());
        Path cwd = preset.workingDirectory() != null ? Path.of(preset.workingDirectory()) : directory;
        if (cwd != null) {
            builder.directory(cwd.toFile());
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the agent '" + preset.name() + "' ("
                    + preset.shortCommandLine() + "): " + e.getMessage() + ". Install it or fix its command in "
                    + "Settings → Agents, then Retry.", e);
        }
        AgentProcesses.track(process);
        String name = "acp-" + preset.name();
        StderrTail stderr = new StderrTail(process.getErrorStream(), logFile, name);
        JsonRpcConnection connection = new JsonRpcConnection(process.getInputStream(), process.getOutputStream(),
                handler, name);
        connection.start();
        return new AgentProcess(preset, process, connection, stderr);
    }

    JsonRpcConnection connection() {
        return connection;
    }

    boolean isAlive() {
        return process.isAlive() && !connection.isClosed();
    }

    /** What the user reads when the agent died or stopped answering: the exit code and its last stderr lines. */
    String failure(String what) {
        stderr.awaitEnd(500);
        if (connection.isClosed()) {
            try { // its output ended: the exit code follows in a moment
                process.waitFor(1, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        StringBuilder text = new StringBuilder("The agent '").append(preset.name()).append("' ").append(what);
        if (!process.isAlive()) {
            try {
                text.append(" (exit code ").append(process.waitFor()).append(')');
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        text.append('.');
        List<String> last = stderr.last(12);
        if (!last.isEmpty()) {
            text.append(" Its last output:\n").append(String.join("\n", last)).append('\n');
        } else {
            text.append(' ');
        }
        text.append("Check that '").append(preset.shortCommandLine())
                .append("' works in a terminal (and is logged in), ")
                .append("then Retry to restart it.");
        if (stderr.logFile() != null) {
            text.append(" Full log: ").append(stderr.logFile());
        }
        return text.toString();
    }

    @Override
    public void close() {
        connection.close();
        AgentProcesses.kill(process);
    }
}
