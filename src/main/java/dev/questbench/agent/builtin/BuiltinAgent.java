package dev.questbench.agent.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.agent.builtin.hooks.HookConfig;
import dev.questbench.agent.builtin.permission.PermissionRule;
import dev.questbench.agent.builtin.tools.ToolLimits;
import dev.questbench.agent.builtin.tools.Tools;
import dev.questbench.domain.Quest;
import dev.questbench.llm.Cancellation;
import dev.questbench.llm.ChatMessage;
import dev.questbench.llm.ModelClient;
import dev.questbench.llm.ModelClients;
import dev.questbench.llm.ModelException;
import dev.questbench.llm.ModelRequest;
import dev.questbench.llm.ProviderConfig;
import dev.questbench.llm.ProviderKind;
import dev.questbench.llm.StreamListener;
import dev.questbench.store.Settings;
import dev.questbench.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wires the built-in agent to the store: providers and keys, app rules and hooks, limits. One per process; it
 * keeps one model client per provider configuration so connections are pooled.
 */
public final class BuiltinAgent {
    private final Store store;
    private final ProviderRegistry providers;
    private final Map<String, String> env;
    private final Path home;
    private final Overrides overrides;
    private static final int MAX_CLIENTS = 16;
    private final Map<ProviderConfig, ModelClient> clients = new ConcurrentHashMap<>();

    /**
     * What the command line sets for every quest of this process ({@code questbench run|serve}); all may be null.
     *
     * @param provider a provider name from the settings or the environment
     * @param baseUrl  an OpenAI-compatible endpoint to use instead of any configured provider
     * @param model    the model id
     */
    public record Overrides(String provider, String baseUrl, String model) {
        public static final Overrides NONE = new Overrides(null, null, null);
    }

    public BuiltinAgent(Store store, Map<String, String> env, Path home, Overrides overrides) {
        this.store = store;
        this.env = Map.copyOf(env);
        this.home = home;
        this.overrides = overrides == null ? Overrides.NONE : overrides;
        this.providers = new ProviderRegistry(store.settings(), store.secrets(), env);
    }

    public ProviderRegistry providers() {
        return providers;
    }

    public BuiltinBackend backend() {
        return new BuiltinBackend(this::setup);
    }

    /**
     * A client for a provider config (shared while the config stays the same). The cache is small: edited
     * settings and connection tests make new configs, and old clients (holding old keys) are dropped.
     */
    public ModelClient client(ProviderConfig config) {
        if (clients.size() >= MAX_CLIENTS && !clients.containsKey(config)) {
            clients.clear(); // sessions keep the clients they hold; later ones get fresh ones
        }
        return clients.computeIfAbsent(config, ModelClients::create);
    }

    /** The provider a quest uses, after the command-line overrides. */
    public ProviderRegistry.Resolved provider(String questProvider) {
        if (overrides.baseUrl() != null) {
            String key = env.getOrDefault("OPENAI_API_KEY", null);
            return new ProviderRegistry.Resolved(new ProviderConfig("command-line", ProviderKind.OPENAI,
                    overrides.baseUrl(), key, overrides.model(), 0, Map.of()), false);
        }
        return providers.resolve(overrides.provider() != null ? overrides.provider() : questProvider);
    }

    SessionSetup setup(Quest quest) {
        ProviderRegistry.Resolved resolved = provider(quest.options().provider());
        ProviderConfig config = resolved.config();
        String model = firstNonBlank(overrides.model(), quest.model(), config.model());
        if (model == null) {
            throw new IllegalArgumentException("No model is chosen for provider '" + config.name() + "'. Set a "
                    + "default model in Settings → Models or pick one for the quest, then Retry.");
        }
        Settings settings = store.settings();
        ToolLimits limits = new ToolLimits(ToolLimits.DEFAULT.readMaxBytes(), ToolLimits.DEFAULT.outputMaxChars(),
                ToolLimits.DEFAULT.bashDefaultTimeout(), ToolLimits.DEFAULT.bashMaxTimeout(),
                ToolLimits.DEFAULT.webFetchMaxBytes(), settings.get(AgentSettings.NETWORK),
                settings.get(AgentSettings.SANDBOX));
        return new SessionSetup(client(config), model, resolved.implicit(), quest.options().permissionMode(),
                appRules(settings.get(AgentSettings.RULES)), appHooks(settings.get(AgentSettings.HOOKS)),
                settings.get(AgentSettings.STEP_LIMIT), limits,
                Duration.ofSeconds(Math.max(1, settings.get(AgentSettings.HOOK_TIMEOUT))), home,
                store.dataDir().resolve("scratch").resolve(quest.id()), bytes -> store.blobs().put(bytes),
                Tools.standard(), ExtensionSettings.read(settings, store.secrets()));
    }

    /**
     * One plain model call on the default provider (goal checks, titles): the reply's text. Throws with a message
     * for the user when the model cannot answer.
     */
    public String complete(String prompt) {
        ProviderConfig config = provider(null).config();
        String model = firstNonBlank(overrides.model(), config.model());
        ModelRequest request = new ModelRequest(model, null, List.of(ChatMessage.user(prompt)), List.of(), 1_024,
                0.0);
        try {
            return client(config).stream(request, StreamListener.NONE, new Cancellation()).text();
        } catch (ModelException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The app settings' rules; a rule that does not parse is skipped (Settings shows it as invalid). */
    static List<PermissionRule> appRules(AgentSettings.Rules rules) {
        List<PermissionRule> parsed = new ArrayList<>();
        add(parsed, rules.deny(), PermissionRule.Behavior.DENY);
        add(parsed, rules.ask(), PermissionRule.Behavior.ASK);
        add(parsed, rules.allow(), PermissionRule.Behavior.ALLOW);
        return parsed;
    }

    private static void add(List<PermissionRule> into, List<String> texts, PermissionRule.Behavior behavior) {
        for (String text : texts) {
            try {
                into.add(PermissionRule.parse(text, behavior, "app settings", null));
            } catch (IllegalArgumentException e) {
                // shown as invalid in Settings → Agent; an unparseable rule never widens permissions
            }
        }
    }

    private static HookConfig appHooks(JsonNode hooks) {
        return hooks == null || hooks.isNull() ? HookConfig.EMPTY : HookConfig.parse(hooks, "app settings");
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
