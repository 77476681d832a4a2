package dev.questbench.agent.builtin.permission;

import dev.questbench.domain.event.Decision;

/**
 * What the permission policy decided for one tool use, and why (shown on the approval card and to the model
 * when denied), e.g. "deny rule Bash(rm -rf:*) from .qoder/settings.json".
 */
public record Verdict(Decision.Permission permission, String reason) {
    public static Verdict allow(String reason) {
        return new Verdict(Decision.Permission.ALLOW, reason);
    }

    public static Verdict ask(String reason) {
        return new Verdict(Decision.Permission.ASK, reason);
    }

    public static Verdict deny(String reason) {
        return new Verdict(Decision.Permission.DENY, reason);
    }
}
