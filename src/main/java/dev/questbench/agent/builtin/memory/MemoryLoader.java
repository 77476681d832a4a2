package dev.questbench.agent.builtin.memory;

import java.nio.file.Path;
import java.util.List;

/** Finds and reads memory files. STUB. */
public final class MemoryLoader {
    private MemoryLoader() {
    }

    /**
     * {@code ~/.qoder/AGENTS.md}, then from the repository root (the folder holding {@code .git}, or the work
     * folder when there is none) down to the work folder: {@code AGENTS.md}, {@code CLAUDE.md},
     * {@code AGENTS.local.md}; {@code @path} imports expanded.
     */
    public static List<MemoryFile> load(Path workDir, Path home) {
        throw new UnsupportedOperationException("not yet");
    }
}
