package dev.questbench.agent.builtin.hooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.llm.Cancellation;
import java.nio.file.Path;
import java.time.Duration;

/** Runs the matching command hooks for an event, with the JSON protocol on stdin/stdout. STUB. */
public final class HookRunner {
    public HookRunner(HookConfig config, Path projectDir, Duration defaultTimeout) {
    }

    /**
     * @param matchTarget what matchers are tested against (the tool name, the SessionStart source...), or null
     * @param input       the event's fields ({@code session_id}, {@code tool_name}, {@code tool_input}...);
     *                    the runner adds {@code hook_event_name} and {@code cwd}
     */
    public HookResult run(HookEvent event, String matchTarget, ObjectNode input, Cancellation cancel) {
        throw new UnsupportedOperationException("not yet");
    }
}
