package dev.questbench.agent.acp;

import dev.questbench.store.Setting;

/** Limits for ACP agents (Settings → Agents). */
public final class AcpSettings {
    /** Seconds an agent may take to start and open a session (npx may download first). */
    public static final Setting<Integer> START_TIMEOUT = Setting.of("agents.acp.startTimeoutSeconds", Integer.class,
            120);
    /** Seconds a running turn may go without a word from the agent before it counts as hung. */
    public static final Setting<Integer> IDLE_TIMEOUT = Setting.of("agents.acp.idleTimeoutSeconds", Integer.class,
            900);

    private AcpSettings() {
    }
}
