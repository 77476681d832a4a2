package dev.questbench.ui.newquest;

import java.nio.file.Path;

/** An entry of the workspace picker: a folder, or "No workspace" when {@code folder} is null. */
record WorkspaceChoice(Path folder, String name) {
    static final WorkspaceChoice NONE = new WorkspaceChoice(null, "No workspace");

    static WorkspaceChoice of(Path folder) {
        Path file = folder.getFileName();
        return new WorkspaceChoice(folder, file == null ? folder.toString() : file.toString());
    }

    @Override
    public String toString() {
        return folder == null ? name : name + "  —  " + folder;
    }
}
