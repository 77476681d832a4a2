package dev.questbench.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How freely the agent may act: ask for risky tools, accept edits, plan only, or never ask. */
public enum PermissionMode {
    DEFAULT("default"),
    ACCEPT_EDITS("acceptEdits"),
    PLAN("plan"),
    BYPASS_PERMISSIONS("bypassPermissions");

    private final String wireName;

    PermissionMode(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static PermissionMode fromWire(String name) {
        for (PermissionMode mode : values()) {
            if (mode.wireName.equalsIgnoreCase(name) || mode.name().equalsIgnoreCase(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown permission mode '" + name
                + "': use default, acceptEdits, plan or bypassPermissions");
    }
}
