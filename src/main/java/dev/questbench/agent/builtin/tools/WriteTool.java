package dev.questbench.agent.builtin.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code Write}: creates a file or replaces its whole content, creating missing folders. */
public final class WriteTool implements Tool {
    private static final ObjectNode SCHEMA = InputSchema.object()
            .required("file_path", "string", "The file to write: relative to the workspace, or absolute inside it.")
            .required("content", "string", "The complete new content of the file.")
            .build();

    @Override
    public String name() {
        return "Write";
    }

    @Override
    public String description() {
        return """
                Writes a file in the workspace as UTF-8, creating it (and any missing folders) or replacing its \
                entire content. Prefer Edit for changing part of an existing file, and Read a file before \
                overwriting it so nothing is lost by accident.""";
    }

    @Override
    public ObjectNode inputSchema() {
        return SCHEMA.deepCopy();
    }

    @Override
    public boolean readOnly() {
        return false;
    }

    @Override
    public ToolOutput run(JsonNode input, ToolContext context) throws ToolException {
        ToolInput in = new ToolInput(input);
        String filePath = in.requiredString("file_path");
        String content = in.requiredString("content");
        Path file = WorkspacePaths.resolve(context.workspace(), filePath);
        String relative = WorkspacePaths.relative(context.workspace(), file);
        if (Files.isDirectory(file)) {
            throw new ToolException(relative + " is a folder; give the path of a file inside it.");
        }
        boolean existed = Files.exists(file);
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (FileAlreadyExistsException e) {
            throw new ToolException("Cannot write " + relative + ": " + e.getFile() + " is a file, so it cannot be a "
                    + "folder on the way; choose another path.", e);
        } catch (IOException e) {
            throw new ToolException("Cannot write " + relative + ": " + e.getMessage()
                    + ". Check that the folder is writable and the disk is not full.", e);
        }
        return ToolOutput.changed((existed ? "Overwrote " : "Created ") + relative + " (" + Sizes.bytes(bytes.length)
                + " written).", relative);
    }
}
