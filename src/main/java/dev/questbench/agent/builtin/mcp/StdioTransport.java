package dev.questbench.agent.builtin.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.domain.event.EventJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An MCP server started as a process: one JSON-RPC message per line on stdin and stdout; stderr is dropped. */
final class StdioTransport implements McpTransport {
    private final Process process;
    private final BufferedReader in;
    private final OutputStream out;
    private volatile boolean ended;

    StdioTransport(McpServerConfig config, Path workDir) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(config.command());
        command.addAll(config.args());
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        builder.environment().putAll(config.env());
        process = builder.start();
        in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        out = process.getOutputStream();
    }

    @Override
    public synchronized JsonNode request(ObjectNode message) throws IOException {
        write(message);
        String id = message.get("id").asText();
        while (true) {
            String line = in.readLine();
            if (line == null) {
                ended = true;
                throw new IOException("the server's process ended");
            }
            if (line.isBlank()) {
                continue;
            }
            JsonNode reply = EventJson.mapper().readTree(line);
            if (reply.has("id") && reply.get("id").asText().equals(id) && !reply.has("method")) {
                return reply;
            }
            // notifications and server requests are not needed for tools: skipped
        }
    }

    @Override
    public synchronized void notify(ObjectNode message) throws IOException {
        write(message);
    }

    private void write(ObjectNode message) throws IOException {
        try {
            out.write((message.toString() + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            ended = true; // a broken pipe: the process is gone
            throw e;
        }
    }

    @Override
    public boolean alive() {
        return !ended && process.isAlive();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }
}
