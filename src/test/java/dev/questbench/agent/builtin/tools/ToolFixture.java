package dev.questbench.agent.builtin.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.llm.Cancellation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A workspace folder with a tool context around it that records progress and stored blobs. */
final class ToolFixture {
    static final ObjectMapper JSON = new ObjectMapper();

    final Path workspace;
    final Cancellation cancel = new Cancellation();
    final List<String> progress = new CopyOnWriteArrayList<>();
    final Map<String, byte[]> blobs = new ConcurrentHashMap<>();

    ToolFixture(Path folder) {
        try {
            this.workspace = folder.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ToolContext context() {
        return context(ToolLimits.DEFAULT);
    }

    ToolContext context(ToolLimits limits) {
        return new ToolContext(workspace, cancel, progress::add, bytes -> {
            String ref = "blob-" + blobs.size();
            blobs.put(ref, bytes);
            return ref;
        }, limits);
    }

    /** Input from alternating names and values. */
    static ObjectNode input(Object... namesAndValues) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.set((String) namesAndValues[i], JSON.valueToTree(namesAndValues[i + 1]));
        }
        return node;
    }

    ToolOutput run(Tool tool, Object... namesAndValues) throws ToolException {
        return tool.run(input(namesAndValues), context());
    }

    Path write(String relative, String content) {
        return writeBytes(relative, content.getBytes(StandardCharsets.UTF_8));
    }

    Path writeBytes(String relative, byte[] content) {
        try {
            Path file = workspace.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(String relative) {
        try {
            return Files.readString(workspace.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ToolLimits withOutputMax(int chars) {
        ToolLimits d = ToolLimits.DEFAULT;
        return new ToolLimits(d.readMaxBytes(), chars, d.bashDefaultTimeout(), d.bashMaxTimeout(),
                d.webFetchMaxBytes(), d.networkAllowed(), d.sandbox());
    }
}
