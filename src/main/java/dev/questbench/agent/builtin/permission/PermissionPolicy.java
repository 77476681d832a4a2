package dev.questbench.agent.builtin.permission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.domain.PermissionMode;
import java.nio.file.Path;
import java.util.List;

/** Decides allow/ask/deny for a tool use from the mode, the rules and the risky-command classifier. STUB. */
public final class PermissionPolicy {
    public PermissionPolicy(PermissionMode mode, List<PermissionRule> rules, Path workspace, Path home) {
    }

    /** @param readOnlyTool the tool never changes anything (Read, Glob, Grep...) */
    public Verdict evaluate(String toolName, JsonNode input, boolean readOnlyTool) {
        throw new UnsupportedOperationException("not yet");
    }
}
