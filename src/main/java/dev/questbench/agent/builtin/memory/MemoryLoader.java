package dev.questbench.agent.builtin.memory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds and reads memory files: {@code ~/.qoder/AGENTS.md}, then from the repository root down to the work
 * folder {@code AGENTS.md}, {@code CLAUDE.md} and {@code AGENTS.local.md}, with {@code @path} imports expanded.
 * Unreadable and blank files are skipped; a file reached twice (a symlinked CLAUDE.md) is loaded once.
 */
public final class MemoryLoader {
    private static final String[][] PER_FOLDER = {
            {"AGENTS.md", "project"}, {"CLAUDE.md", "project"}, {"AGENTS.local.md", "local"}};

    private MemoryLoader() {
    }

    /**
     * {@code ~/.qoder/AGENTS.md}, then from the repository root (the folder holding {@code .git}, or the work
     * folder when there is none) down to the work folder: {@code AGENTS.md}, {@code CLAUDE.md},
     * {@code AGENTS.local.md}; {@code @path} imports expanded.
     *
     * @param workDir the work folder, or null for user memory only
     */
    public static List<MemoryFile> load(Path workDir, Path home) {
        List<MemoryFile> out = new ArrayList<>();
        Set<Path> loaded = new HashSet<>();
        Path h = home == null ? null : home.toAbsolutePath().normalize();
        MemoryImports imports = new MemoryImports(h);
        if (h != null) {
            add(h.resolve(".qoder").resolve("AGENTS.md"), "user", imports, loaded, out);
        }
        if (workDir == null) {
            return out;
        }
        for (Path folder : rootDownTo(workDir.toAbsolutePath().normalize())) {
            for (String[] file : PER_FOLDER) {
                add(folder.resolve(file[0]), file[1], imports, loaded, out);
            }
        }
        return out;
    }

    private static void add(Path file, String scope, MemoryImports imports, Set<Path> loaded, List<MemoryFile> out) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Path real = MemoryImports.realPath(file);
        if (!loaded.add(real)) {
            return;
        }
        String content = imports.load(file);
        if (content != null && !content.isBlank()) {
            out.add(new MemoryFile(file, scope, content));
        }
    }

    /** The folders from the repository root (nearest ancestor holding {@code .git}) down to the work folder. */
    private static List<Path> rootDownTo(Path workDir) {
        Deque<Path> chain = new ArrayDeque<>();
        for (Path folder = workDir; folder != null; folder = folder.getParent()) {
            chain.addFirst(folder);
            if (Files.exists(folder.resolve(".git"))) {
                return new ArrayList<>(chain);
            }
        }
        return List.of(workDir);
    }
}
