package dev.questbench.agent.builtin.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.domain.event.Decision;
import java.util.List;

/**
 * The merged outcome of the hooks that matched one event (strictest wins).
 *
 * @param runs              every command that ran, in order
 * @param blocked           a hook exited 2 (or said {@code decision: block/deny}): for PreToolUse the tool does not
 *                          run, for UserPromptSubmit the prompt is rejected, for Stop the agent keeps working
 * @param feedback          what the model (or user) is told when blocked: the hook's stderr or reason
 * @param permission        PreToolUse {@code permissionDecision} (allow/ask/deny), or null
 * @param additionalContext text to add to the model's context, or null
 * @param updatedInput      PreToolUse replacement tool input, or null
 * @param stop              {@code continue:false}: end the turn; {@code stopReason} says why
 */
public record HookResult(List<HookRun> runs, boolean blocked, String feedback, Decision.Permission permission,
                         String additionalContext, JsonNode updatedInput, boolean stop, String stopReason) {
    public static final HookResult NONE = new HookResult(List.of(), false, null, null, null, null, false, null);

    public HookResult {
        runs = List.copyOf(runs);
    }
}
