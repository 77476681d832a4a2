package dev.questbench.agent.builtin.hooks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.llm.Cancellation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs the matching command hooks for an event, one after another, with the JSON protocol on stdin/stdout:
 * stdin is the event input plus {@code hook_event_name} and {@code cwd}; {@code QODER_PROJECT_DIR} and
 * {@code CLAUDE_PROJECT_DIR} name the project. With no matching hook it returns at once and starts nothing.
 */
public final class HookRunner {
    /** The documented default when neither the entry nor the caller gives a timeout. */
    private static final Duration FALLBACK_TIMEOUT = Duration.ofSeconds(600);

    private final HookConfig config;
    private final Path projectDir;
    private final Duration defaultTimeout;

    public HookRunner(HookConfig config, Path projectDir, Duration defaultTimeout) {
        this.config = config == null ? HookConfig.EMPTY : config;
        this.projectDir = projectDir == null ? null : projectDir.toAbsolutePath().normalize();
        this.defaultTimeout = defaultTimeout == null || defaultTimeout.isZero() || defaultTimeout.isNegative()
                ? FALLBACK_TIMEOUT : defaultTimeout;
    }

    /**
     * @param matchTarget what matchers are tested against (the tool name, the SessionStart source...), or null
     * @param input       the event's fields ({@code session_id}, {@code tool_name}, {@code tool_input}...);
     *                    the runner adds {@code hook_event_name} and {@code cwd}
     */
    public HookResult run(HookEvent event, String matchTarget, ObjectNode input, Cancellation cancel) {
        if (config.isEmpty()) {
            return HookResult.NONE;
        }
        List<CommandHook> hooks = config.matching(event, matchTarget, input);
        if (hooks.isEmpty()) {
            return HookResult.NONE;
        }
        byte[] stdin = stdin(event, input);
        HookOutcome outcome = new HookOutcome(event);
        for (CommandHook hook : hooks) {
            if (cancel != null && cancel.isCancelled()) {
                break;
            }
            Duration timeout = hook.timeoutSeconds() != null ? Duration.ofSeconds(hook.timeoutSeconds()) : defaultTimeout;
            outcome.add(HookProcess.run(event, hook, stdin, projectDir, timeout, cancel));
        }
        return outcome.result();
    }

    private byte[] stdin(HookEvent event, ObjectNode input) {
        ObjectNode payload = input == null ? JsonNodeFactory.instance.objectNode() : input.deepCopy();
        payload.put("hook_event_name", event.wire());
        if (projectDir != null && !payload.path("cwd").isTextual()) {
            payload.put("cwd", projectDir.toString());
        }
        return payload.toString().getBytes(StandardCharsets.UTF_8);
    }
}
