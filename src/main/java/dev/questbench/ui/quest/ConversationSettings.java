package dev.questbench.ui.quest;

import dev.questbench.store.Setting;

/** The conversation's remembered preferences (Settings pages may offer them too). */
public final class ConversationSettings {
    /** Whether tool steps start expanded, showing their output; off keeps the transcript compact. */
    public static final Setting<Boolean> TOOL_STEPS_EXPANDED =
            Setting.of("ui.toolSteps.expanded", Boolean.class, Boolean.FALSE);

    private ConversationSettings() {
    }
}
