package dev.questbench.domain.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A user's answer to a pending tool use: allow or deny. */
public enum Decision {
    ALLOW, DENY;

    @JsonValue
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @JsonCreator
    public static Decision fromWire(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }

    /** What the permission rules decided for a tool use before it ran. */
    public enum Permission {
        ALLOW, ASK, DENY;

        @JsonValue
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        @JsonCreator
        public static Permission fromWire(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
