package dev.questbench.agent.builtin.permission;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/**
 * Rules and hooks read (never written) from {@code ~/.qoder/settings.json}, {@code .qoder/settings.json},
 * {@code .qoder/settings.local.json}, {@code .claude/settings.json}, {@code .claude/settings.local.json}. STUB.
 *
 * @param hooks    each file's {@code hooks} object with the file it came from, in load order
 * @param warnings unreadable files and rules, written for the user
 */
public record ProjectSettings(List<PermissionRule> rules, List<SourcedHooks> hooks, List<String> warnings) {
    public record SourcedHooks(String source, JsonNode hooks) {
    }

    public static ProjectSettings load(Path workspace, Path home) {
        throw new UnsupportedOperationException("not yet");
    }
}
