package dev.questbench.agent.builtin.tools;

import java.util.List;

/**
 * What a tool returns to the model.
 *
 * @param text         the result the model reads (already capped)
 * @param isError      a failure the model should react to (e.g. a command's non-zero exit is NOT an error)
 * @param blobRef      a blob holding the full output when {@code text} was cut, or null
 * @param changedFiles workspace-relative paths the tool created or modified (for artifacts and review)
 */
public record ToolOutput(String text, boolean isError, String blobRef, List<String> changedFiles) {
    public ToolOutput {
        changedFiles = changedFiles == null ? List.of() : List.copyOf(changedFiles);
    }

    public static ToolOutput ok(String text) {
        return new ToolOutput(text, false, null, List.of());
    }

    public static ToolOutput changed(String text, String relativePath) {
        return new ToolOutput(text, false, null, List.of(relativePath));
    }
}
