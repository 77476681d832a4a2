package dev.questbench.agent.webhook;

import dev.questbench.agent.AgentBackend;
import dev.questbench.agent.AgentSession;
import dev.questbench.agent.QuestContext;
import dev.questbench.agent.UnavailableSession;
import dev.questbench.store.Store;
import java.time.Duration;
import okhttp3.OkHttpClient;

/** Quests on Qodo-style webhook agents: a quest names a preset as {@code webhook:<name>}. */
public final class WebhookBackend implements AgentBackend {
    public static final String KIND = "webhook";
    // Commands may work for a long time between messages: no read timeout on the stream (the server has its own).
    /** Holder: building the client loads the TLS trust store, so it waits for the first webhook session. */
    private static final class Http {
        static final OkHttpClient CLIENT = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ZERO).build();
    }

    private final Store store;

    public WebhookBackend(Store store) {
        this.store = store;
    }

    public static String backendId(String presetName) {
        return KIND + ":" + presetName;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public AgentSession open(QuestContext context) {
        String backend = context.quest().backend();
        String name = backend.indexOf(':') < 0 ? "" : backend.substring(backend.indexOf(':') + 1);
        return store.settings().get(WebhookPreset.SETTING).find(name)
                .<AgentSession>map(preset -> new WebhookSession(context, preset, Http.CLIENT))
                .orElseGet(() -> new UnavailableSession("agent_unavailable", "There is no webhook agent '" + name
                        + "' in Settings → Agents. Add it there, or pick another agent for this quest, then Retry."));
    }
}
