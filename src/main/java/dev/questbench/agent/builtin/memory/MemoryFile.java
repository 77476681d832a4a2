package dev.questbench.agent.builtin.memory;

import java.nio.file.Path;

/**
 * One memory file loaded into the system prompt.
 *
 * @param scope   {@code user} (~/.qoder/AGENTS.md), {@code project} (AGENTS.md, CLAUDE.md) or {@code local}
 *                (AGENTS.local.md)
 * @param content the text with {@code @path} imports expanded
 */
public record MemoryFile(Path path, String scope, String content) {
}
