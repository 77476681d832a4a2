package dev.questbench.agent.builtin;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import dev.questbench.domain.event.EventJson;
import dev.questbench.llm.ProviderConfig;
import dev.questbench.llm.Providers;
import dev.questbench.store.SecretStore;
import dev.questbench.store.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model providers a quest can use: those saved in Settings → Models (keys from the secrets file or an
 * environment variable), then those the environment implies ({@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY},
 * {@code OLLAMA_HOST}), and finally Ollama on localhost when nothing is configured.
 */
public final class ProviderRegistry {
    static final String PROVIDERS_KEY = "models.providers";
    static final String DEFAULT_KEY = "models.default";
    private static final JavaType ENTRY_LIST = EventJson.mapper().getTypeFactory()
            .constructType(new TypeReference<List<ProviderEntry>>() {
            });

    private final Settings settings;
    private final SecretStore secrets;
    private final Map<String, String> env;

    public ProviderRegistry(Settings settings, SecretStore secrets, Map<String, String> env) {
        this.settings = settings;
        this.secrets = secrets;
        this.env = Map.copyOf(env);
    }

    /** The secrets-file key that holds a provider's API key. */
    public static String secretKey(String providerName) {
        return "provider." + providerName + ".apiKey";
    }

    /**
     * A resolved provider.
     *
     * @param implicit true when nothing is configured and this is the Ollama default, so a failure to connect
     *                 should explain how to start Ollama or configure another provider
     */
    public record Resolved(ProviderConfig config, boolean implicit) {
    }

    /** The saved providers, in the order the user arranged them. */
    public List<ProviderEntry> saved() {
        Optional<String> raw = settings.raw(PROVIDERS_KEY);
        if (raw.isEmpty()) {
            return List.of();
        }
        try {
            return EventJson.mapper().readValue(raw.get(), ENTRY_LIST);
        } catch (Exception e) {
            return List.of();
        }
    }

    /** Replaces the saved providers (keys are saved separately with {@link #saveKey}). */
    public void save(List<ProviderEntry> entries) {
        try {
            settings.rawSet(PROVIDERS_KEY, EventJson.mapper().writerFor(ENTRY_LIST).writeValueAsString(entries));
        } catch (Exception e) {
            throw new IllegalArgumentException("providers cannot be saved: " + e.getMessage(), e);
        }
    }

    public void saveKey(String providerName, String apiKey) {
        secrets.put(secretKey(providerName), apiKey);
    }

    public Optional<String> defaultName() {
        return settings.raw(DEFAULT_KEY).map(ProviderRegistry::unquote).filter(name -> !name.isBlank());
    }

    public void setDefault(String providerName) {
        if (providerName == null) {
            settings.remove(DEFAULT_KEY);
        } else {
            settings.rawSet(DEFAULT_KEY, quote(providerName));
        }
    }

    /** Every provider a quest can choose: saved first, then environment ones whose names are not taken. */
    public List<ProviderConfig> all() {
        Map<String, ProviderConfig> byName = new LinkedHashMap<>();
        for (ProviderEntry entry : saved()) {
            byName.put(entry.name(), entry.toConfig(keyFor(entry)));
        }
        for (ProviderConfig fromEnv : Providers.fromEnvironment(env)) {
            byName.putIfAbsent(fromEnv.name(), fromEnv);
        }
        return new ArrayList<>(byName.values());
    }

    /**
     * The provider to use: {@code name} when given (an unknown name is an error the user can act on), else the
     * default, else the first configured one, else Ollama on localhost.
     */
    public Resolved resolve(String name) {
        List<ProviderConfig> all = all();
        if (name != null && !name.isBlank()) {
            return all.stream().filter(p -> p.name().equals(name)).findFirst().map(p -> new Resolved(p, false))
                    .orElseThrow(() -> new IllegalArgumentException("No model provider named '" + name
                            + "' is configured. Add it in Settings → Models, or pick one of: "
                            + names(all) + "."));
        }
        Optional<String> preferred = defaultName();
        if (preferred.isPresent()) {
            Optional<ProviderConfig> match = all.stream().filter(p -> p.name().equals(preferred.get())).findFirst();
            if (match.isPresent()) {
                return new Resolved(match.get(), false);
            }
        }
        if (!all.isEmpty()) {
            return new Resolved(all.get(0), false);
        }
        return new Resolved(Providers.ollamaDefault(env), true);
    }

    private String keyFor(ProviderEntry entry) {
        Optional<String> stored = secrets.get(secretKey(entry.name()));
        if (stored.isPresent()) {
            return stored.get();
        }
        if (entry.apiKeyEnv() != null && !entry.apiKeyEnv().isBlank()) {
            return env.get(entry.apiKeyEnv());
        }
        return null;
    }

    private static String names(List<ProviderConfig> all) {
        if (all.isEmpty()) {
            return "(none configured)";
        }
        return String.join(", ", all.stream().map(ProviderConfig::name).toList());
    }

    private static String quote(String text) {
        try {
            return EventJson.mapper().writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unquote(String json) {
        try {
            return EventJson.mapper().readValue(json, String.class);
        } catch (Exception e) {
            return json;
        }
    }
}
