package dev.questbench.agent.cloud;

import dev.questbench.store.Setting;

/**
 * Where the Cloud Agents service is and which remote agent and environment quests use (Settings → Agents). The
 * personal access token lives in the secrets file under {@link #TOKEN_SECRET}, or comes from
 * {@code QODER_PERSONAL_ACCESS_TOKEN}.
 */
public final class CloudSettings {
    public static final Setting<String> BASE_URL = Setting.of("cloud.baseUrl", String.class,
            "https://api.qoder.com/api/v1/cloud");
    /** The remote agent quests run on; blank: Questbench creates one on first use and remembers it. */
    public static final Setting<String> AGENT_ID = Setting.of("cloud.agentId", String.class, "");
    /** The environment sessions start in; blank: the first one listed, or a new default one. */
    public static final Setting<String> ENVIRONMENT_ID = Setting.of("cloud.environmentId", String.class, "");
    /** The model a created agent uses; blank: the first enabled model the service lists. */
    public static final Setting<String> MODEL = Setting.of("cloud.model", String.class, "");
    public static final String TOKEN_SECRET = "cloud.token";
    public static final String TOKEN_ENV = "QODER_PERSONAL_ACCESS_TOKEN";

    private CloudSettings() {
    }
}
