package dev.questbench.agent.cloud;

import dev.questbench.agent.AgentBackend;
import dev.questbench.agent.AgentSession;
import dev.questbench.agent.QuestContext;
import dev.questbench.agent.UnavailableSession;
import dev.questbench.store.Store;
import java.time.Duration;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * Quests on a remote Cloud Agents service (backend {@code cloud}): base URL and agent in Settings → Agents, the
 * personal access token in the secrets file or {@code QODER_PERSONAL_ACCESS_TOKEN}.
 */
public final class CloudBackend implements AgentBackend {
    public static final String KIND = "cloud";
    /** Holder: building the client loads the TLS trust store, so it waits for the first cloud session. */
    private static final class Http {
        static final OkHttpClient CLIENT = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(15))
                .readTimeout(Duration.ofSeconds(60)).build();
    }

    private final Store store;
    private final Map<String, String> env;
    private final Timing timing;

    /** How long a stream may stay silent, the first retry's wait and the polling interval. */
    public record Timing(Duration idleTimeout, Duration backoff, Duration pollInterval) {
        public static final Timing DEFAULT = new Timing(Duration.ofSeconds(45), Duration.ofSeconds(1),
                Duration.ofSeconds(2));
    }

    public CloudBackend(Store store, Map<String, String> env) {
        this(store, env, Timing.DEFAULT);
    }

    public CloudBackend(Store store, Map<String, String> env, Timing timing) {
        this.store = store;
        this.env = Map.copyOf(env);
        this.timing = timing;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public AgentSession open(QuestContext context) {
        String token = store.secrets().get(CloudSettings.TOKEN_SECRET).orElse(env.get(CloudSettings.TOKEN_ENV));
        if (token == null || token.isBlank()) {
            return new UnavailableSession("configuration_error", "No personal access token for Cloud Agents. "
                    + "Add one in Settings → Agents → Cloud "
                    + "Agents (or set " + CloudSettings.TOKEN_ENV + "), then Retry.");
        }
        CloudApi api;
        try {
            api = new CloudApi(store.settings().get(CloudSettings.BASE_URL), token, Http.CLIENT, timing.idleTimeout(),
                    timing.backoff());
        } catch (IllegalArgumentException e) {
            return new UnavailableSession("configuration_error", e.getMessage());
        }
        return new CloudSession(context, api, store.settings(), timing.pollInterval().toMillis());
    }
}
