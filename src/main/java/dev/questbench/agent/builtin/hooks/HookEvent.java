package dev.questbench.agent.builtin.hooks;

/** The hook events the built-in agent fires, with their wire names. */
public enum HookEvent {
    PRE_TOOL_USE("PreToolUse"),
    POST_TOOL_USE("PostToolUse"),
    USER_PROMPT_SUBMIT("UserPromptSubmit"),
    STOP("Stop"),
    NOTIFICATION("Notification"),
    SESSION_START("SessionStart");

    private final String wire;

    HookEvent(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
