package dev.questbench.ui.common;

import dev.questbench.domain.PermissionMode;
import javafx.util.StringConverter;

/** What the New Quest dialog and the composer call each {@link PermissionMode}, and what it means for the user. */
public final class PermissionModeText {
    /** Shows a mode by its label in pickers. */
    public static final StringConverter<PermissionMode> CONVERTER = new StringConverter<>() {
        @Override
        public String toString(PermissionMode mode) {
            return mode == null ? "" : label(mode);
        }

        @Override
        public PermissionMode fromString(String text) {
            for (PermissionMode mode : PermissionMode.values()) {
                if (label(mode).equals(text)) {
                    return mode;
                }
            }
            return null;
        }
    };

    private PermissionModeText() {
    }

    public static String label(PermissionMode mode) {
        return switch (mode) {
            case DEFAULT -> "Default";
            case ACCEPT_EDITS -> "Accept edits";
            case PLAN -> "Plan";
            case BYPASS_PERMISSIONS -> "Bypass permissions";
        };
    }

    public static String description(PermissionMode mode) {
        return switch (mode) {
            case DEFAULT -> "Asks before edits and commands";
            case ACCEPT_EDITS -> "Edits without asking; commands ask";
            case PLAN -> "Read-only; proposes a plan";
            case BYPASS_PERMISSIONS -> "Never asks";
        };
    }
}
