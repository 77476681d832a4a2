package dev.questbench.ui.newquest;

import dev.questbench.domain.PermissionMode;

/** What the New Quest dialog calls each {@link PermissionMode}, and what it means for the user. */
final class PermissionModeText {
    private PermissionModeText() {
    }

    static String label(PermissionMode mode) {
        return switch (mode) {
            case DEFAULT -> "Default";
            case ACCEPT_EDITS -> "Accept edits";
            case PLAN -> "Plan";
            case BYPASS_PERMISSIONS -> "Bypass permissions";
        };
    }

    static String description(PermissionMode mode) {
        return switch (mode) {
            case DEFAULT -> "Asks before edits and commands";
            case ACCEPT_EDITS -> "Edits without asking; commands ask";
            case PLAN -> "Read-only; proposes a plan";
            case BYPASS_PERMISSIONS -> "Never asks";
        };
    }
}
