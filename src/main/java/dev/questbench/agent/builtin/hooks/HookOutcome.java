package dev.questbench.agent.builtin.hooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.questbench.domain.event.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Folds the runs of one event's hooks into a {@link HookResult}: exit 0 reads the stdout JSON protocol, exit 2
 * blocks with stderr as feedback, anything else (and a timeout) is a non-blocking error. Strictest wins: deny over
 * ask over allow, blocked if any hook blocked; context and feedback are joined, the last {@code updatedInput} wins.
 */
final class HookOutcome {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HookEvent event;
    private final List<HookRun> runs = new ArrayList<>();
    private final List<String> feedback = new ArrayList<>();
    private final List<String> context = new ArrayList<>();
    private boolean blocked;
    private Decision.Permission permission;
    private JsonNode updatedInput;
    private boolean stop;
    private String stopReason;

    HookOutcome(HookEvent event) {
        this.event = event;
    }

    void add(HookRun run) {
        runs.add(run);
        if (run.timedOut()) {
            return;
        }
        if (run.exitCode() == 2) {
            String stderr = run.stderr().strip();
            String stdout = run.stdout().strip();
            block(!stderr.isEmpty() ? stderr : !stdout.isEmpty() ? stdout
                    : "hook `" + run.command() + "` exited with code 2");
        } else if (run.exitCode() == 0) {
            readStdout(run);
        }
    }

    HookResult result() {
        return new HookResult(runs, blocked, feedback.isEmpty() ? null : String.join("\n", feedback), permission,
                context.isEmpty() ? null : String.join("\n\n", context), updatedInput, stop, stopReason);
    }

    private void readStdout(HookRun run) {
        String out = run.stdout().strip();
        if (out.isEmpty()) {
            return;
        }
        JsonNode json = out.startsWith("{") ? parse(out) : null;
        if (json == null) {
            if (event == HookEvent.SESSION_START || event == HookEvent.USER_PROMPT_SUBMIT) {
                context.add(out);
            }
            return;
        }
        if (json.path("continue").isBoolean() && !json.get("continue").asBoolean()) {
            stop = true;
            if (stopReason == null && json.path("stopReason").isTextual()) {
                stopReason = json.get("stopReason").asText();
            }
        }
        String reason = json.path("reason").isTextual() ? json.get("reason").asText() : null;
        switch (json.path("decision").asText("").toLowerCase(Locale.ROOT)) {
            case "block", "deny" -> block(reason != null ? reason : "blocked by hook `" + run.command() + "`");
            case "approve", "allow" -> decide(Decision.Permission.ALLOW, null);
            default -> { }
        }
        JsonNode specific = json.path("hookSpecificOutput");
        if (!specific.isObject()) {
            return;
        }
        String why = specific.path("permissionDecisionReason").isTextual()
                ? specific.get("permissionDecisionReason").asText() : null;
        switch (specific.path("permissionDecision").asText("").toLowerCase(Locale.ROOT)) {
            case "deny" -> block(why != null ? why : "denied by hook `" + run.command() + "`");
            case "ask" -> decide(Decision.Permission.ASK, why);
            case "allow" -> decide(Decision.Permission.ALLOW, why);
            default -> { }
        }
        if (specific.path("additionalContext").isTextual() && !specific.get("additionalContext").asText().isBlank()) {
            context.add(specific.get("additionalContext").asText());
        }
        if (specific.path("updatedInput").isObject()) {
            updatedInput = specific.get("updatedInput");
        }
    }

    /** Exit 2 or a deny: for PreToolUse the tool use is also denied. */
    private void block(String why) {
        blocked = true;
        feedback.add(why);
        if (event == HookEvent.PRE_TOOL_USE) {
            decide(Decision.Permission.DENY, null);
        }
    }

    /** Permission decisions only count for PreToolUse; the strictest one wins. */
    private void decide(Decision.Permission decision, String why) {
        if (event != HookEvent.PRE_TOOL_USE) {
            return;
        }
        if (permission == null || decision.ordinal() > permission.ordinal()) {
            permission = decision;
        }
        if (why != null && !why.isBlank()) {
            feedback.add(why);
        }
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
