package dev.questbench.agent.acp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.agent.builtin.tools.ToolException;
import dev.questbench.agent.builtin.tools.WorkspacePaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * The client side of ACP's {@code terminal/*}: commands the agent runs in the quest's folder, their output kept
 * up to the agent's byte limit and handed on live, killed with everything they started on kill, release or close.
 */
final class AcpTerminals implements AutoCloseable {
    private static final int DEFAULT_LIMIT = 1_000_000;

    private final Path workDir;
    private final boolean refuse;
    private final BiConsumer<String, String> live;
    private final Map<String, Terminal> terminals = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** @param live told each output piece with its terminal id, as it arrives */
    AcpTerminals(Path workDir, boolean refuse, BiConsumer<String, String> live) {
        this.workDir = workDir;
        this.refuse = refuse;
        this.live = live;
    }

    JsonNode create(JsonNode params) throws RpcError {
        if (refuse) {
            throw new RpcError(RpcError.INVALID_PARAMS, "This quest is in plan mode: commands cannot be run.");
        }
        String command = params.path("command").asText("");
        if (command.isBlank()) {
            throw new RpcError(RpcError.INVALID_PARAMS, "terminal/create needs a 'command'");
        }
        List<String> line = new ArrayList<>();
        List<String> args = new ArrayList<>();
        params.path("args").forEach(arg -> args.add(arg.asText()));
        if (args.isEmpty() && command.contains(" ")) { // a whole command line: let the shell split it
            boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");
            line.addAll(windows ? List.of("cmd.exe", "/c") : List.of("/bin/sh", "-c"));
        }
        line.add(command);
        line.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.directory(cwd(params).toFile());
        params.path("env").forEach(v -> builder.environment().put(v.path("name").asText(), v.path("value").asText()));
        int limit = params.path("outputByteLimit").asInt(DEFAULT_LIMIT);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new RpcError(RpcError.INTERNAL, "Cannot run " + command + ": " + e.getMessage());
        }
        AgentProcesses.track(process);
        closeInput(process);
        String id = "term_" + ids.incrementAndGet();
        Terminal terminal = new Terminal(process, limit > 0 ? limit : DEFAULT_LIMIT);
        terminals.put(id, terminal);
        Thread reader = new Thread(() -> terminal.pump(id, live), "acp-terminal-" + id);
        reader.setDaemon(true);
        reader.start();
        terminal.reader = reader;
        return JsonRpcConnection.MAPPER.createObjectNode().put("terminalId", id);
    }

    JsonNode output(JsonNode params) throws RpcError {
        Terminal terminal = find(params);
        ObjectNode result = JsonRpcConnection.MAPPER.createObjectNode();
        result.put("output", terminal.output());
        result.put("truncated", terminal.truncated);
        if (!terminal.process.isAlive()) {
            terminal.join();
            result.put("output", terminal.output());
            result.set("exitStatus", exitStatus(terminal));
        }
        return result;
    }

    JsonNode waitForExit(JsonNode params) throws RpcError {
        Terminal terminal = find(params);
        try {
            terminal.process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcError(RpcError.INTERNAL, "interrupted while waiting for the command");
        }
        terminal.join();
        return exitStatus(terminal);
    }

    JsonNode kill(JsonNode params) throws RpcError {
        AgentProcesses.kill(find(params).process);
        return null;
    }

    JsonNode release(JsonNode params) throws RpcError {
        Terminal terminal = find(params);
        terminals.remove(params.path("terminalId").asText());
        AgentProcesses.kill(terminal.process);
        return null;
    }

    /** The output so far of a terminal (for a tool result that shows it), or null when it is unknown. */
    String outputOf(String terminalId) {
        Terminal terminal = terminals.get(terminalId);
        return terminal == null ? null : terminal.output();
    }

    @Override
    public void close() {
        terminals.values().forEach(terminal -> AgentProcesses.kill(terminal.process));
        terminals.clear();
    }

    private static void closeInput(Process process) {
        try {
            process.getOutputStream().close(); // nobody types into it: a command that reads stdin sees its end
        } catch (IOException ignored) {
            // already closed
        }
    }

    private Path cwd(JsonNode params) throws RpcError {
        String cwd = params.path("cwd").asText(null);
        if (cwd == null || cwd.isBlank()) {
            return workDir;
        }
        try {
            return WorkspacePaths.resolve(workDir, cwd);
        } catch (ToolException e) {
            throw new RpcError(RpcError.INVALID_PARAMS, e.getMessage());
        }
    }

    private Terminal find(JsonNode params) throws RpcError {
        Terminal terminal = terminals.get(params.path("terminalId").asText(""));
        if (terminal == null) {
            throw new RpcError(RpcError.INVALID_PARAMS, "No terminal " + params.path("terminalId").asText()
                    + " (it was released, or never created)");
        }
        return terminal;
    }

    private static ObjectNode exitStatus(Terminal terminal) {
        ObjectNode status = JsonRpcConnection.MAPPER.createObjectNode();
        status.put("exitCode", terminal.process.exitValue());
        status.putNull("signal");
        return status;
    }

    /** One command and its captured output (the tail, when it passes the limit). */
    private static final class Terminal {
        final Process process;
        final int limit;
        final StringBuilder buffer = new StringBuilder();
        volatile boolean truncated;
        volatile Thread reader;

        Terminal(Process process, int limit) {
            this.process = process;
            this.limit = limit;
        }

        void pump(String id, BiConsumer<String, String> live) {
            byte[] chunk = new byte[8_192];
            try (InputStream in = process.getInputStream()) {
                int read;
                while ((read = in.read(chunk)) > 0) {
                    String text = new String(chunk, 0, read, StandardCharsets.UTF_8);
                    synchronized (this) {
                        buffer.append(text);
                        int excess = buffer.length() - limit; // chars approximate bytes; close enough for a cap
                        if (excess > 0) {
                            buffer.delete(0, excess);
                            truncated = true;
                        }
                    }
                    live.accept(id, text);
                }
            } catch (IOException e) {
                // killed
            }
        }

        synchronized String output() {
            return buffer.toString();
        }

        void join() {
            Thread thread = reader;
            if (thread != null) {
                try {
                    thread.join(2_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
