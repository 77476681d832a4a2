package dev.questbench.agent.builtin.tools;

import java.nio.file.Path;

/** Confines paths to the workspace. STUB. */
public final class WorkspacePaths {
    private WorkspacePaths() {
    }

    /**
     * The absolute path for a tool's path argument (relative to the workspace, or absolute inside it); refuses
     * {@code ..} escapes, absolute paths outside and symlinks that lead out, with a message the model can act on.
     */
    public static Path resolve(Path workspace, String path) throws ToolException {
        throw new UnsupportedOperationException("not yet");
    }
}
