package dev.questbench.agent.builtin.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Command hooks by event, merged from settings files. STUB. */
public final class HookConfig {
    public static final HookConfig EMPTY = new HookConfig();

    private HookConfig() {
    }

    /** Parses one {@code hooks} object ({@code {"PreToolUse":[{"matcher":…,"hooks":[…]}]}}). */
    public static HookConfig parse(JsonNode hooks, String source) {
        throw new UnsupportedOperationException("not yet");
    }

    public static HookConfig merge(List<HookConfig> configs) {
        throw new UnsupportedOperationException("not yet");
    }

    public boolean isEmpty() {
        return true;
    }
}
