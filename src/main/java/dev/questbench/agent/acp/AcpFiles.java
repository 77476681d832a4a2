package dev.questbench.agent.acp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.agent.builtin.tools.ToolException;
import dev.questbench.agent.builtin.tools.WorkspacePaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.BiConsumer;

/**
 * The client side of ACP's {@code fs/read_text_file} and {@code fs/write_text_file}: files inside the quest's
 * folder only (no {@code ..} or symlink escapes), writes refused in plan mode and reported as artifacts.
 * The turn's checkpoint was taken before the prompt, so review and revert see these writes like built-in edits.
 */
final class AcpFiles {
    private final Path workDir;
    private final boolean readOnly;
    private final BiConsumer<String, Boolean> written;

    /** @param written told each written file's workspace-relative path and whether it existed before */
    AcpFiles(Path workDir, boolean readOnly, BiConsumer<String, Boolean> written) {
        this.workDir = workDir;
        this.readOnly = readOnly;
        this.written = written;
    }

    JsonNode read(JsonNode params) throws RpcError {
        Path file = resolve(params);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new RpcError(RpcError.INVALID_PARAMS, "No such file: " + relative(file));
        } catch (IOException e) {
            throw new RpcError(RpcError.INTERNAL, "Cannot read " + relative(file) + ": " + e.getMessage());
        }
        int line = params.path("line").asInt(0);
        int limit = params.path("limit").asInt(0);
        if (line > 1 || limit > 0) {
            String[] lines = text.split("\n", -1);
            int from = Math.min(lines.length, Math.max(0, line - 1));
            int to = limit > 0 ? Math.min(lines.length, from + limit) : lines.length;
            text = String.join("\n", java.util.Arrays.copyOfRange(lines, from, to));
        }
        ObjectNode result = JsonRpcConnection.MAPPER.createObjectNode();
        result.put("content", text);
        return result;
    }

    JsonNode write(JsonNode params) throws RpcError {
        if (readOnly) {
            throw new RpcError(RpcError.INVALID_PARAMS, "This quest is in plan mode: files cannot be changed. "
                    + "Describe the change instead.");
        }
        Path file = resolve(params);
        JsonNode content = params.get("content");
        if (content == null || !content.isTextual()) {
            throw new RpcError(RpcError.INVALID_PARAMS, "fs/write_text_file needs 'content' as a string");
        }
        boolean existed = Files.exists(file);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content.asText(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RpcError(RpcError.INTERNAL, "Cannot write " + relative(file) + ": " + e.getMessage());
        }
        written.accept(relative(file), existed);
        return null;
    }

    private Path resolve(JsonNode params) throws RpcError {
        String path = params == null ? null : params.path("path").asText(null);
        try {
            return WorkspacePaths.resolve(workDir, path);
        } catch (ToolException e) {
            throw new RpcError(RpcError.INVALID_PARAMS, e.getMessage());
        }
    }

    private String relative(Path file) {
        return WorkspacePaths.relative(workDir, file);
    }
}
