package dev.questbench.agent.builtin.tools;

import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code path} argument of Glob and Grep, resolved inside the workspace and checked to exist. */
final class SearchBase {
    private SearchBase() {
    }

    /** A folder to search; a file or a missing path is an error the model can fix. */
    static Path folder(Path workspace, String path) throws ToolException {
        Path base = existing(workspace, path);
        if (!Files.isDirectory(base)) {
            throw new ToolException("'" + path + "' is a file, not a folder; give a folder to search in.");
        }
        return base;
    }

    /** A folder or a single file to search. */
    static Path existing(Path workspace, String path) throws ToolException {
        Path base = WorkspacePaths.resolve(workspace, path);
        if (!Files.exists(base)) {
            throw new ToolException("'" + path + "' does not exist in the workspace; use Glob to find the right path.");
        }
        return base;
    }
}
