package dev.questbench.ui.settings;

import dev.questbench.agent.builtin.BuiltinAgent;
import dev.questbench.agent.builtin.ProviderEntry;
import dev.questbench.agent.builtin.ProviderRegistry;
import dev.questbench.llm.ModelClient;
import dev.questbench.llm.ProviderConfig;
import dev.questbench.store.SecretStore;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The Models page's reads and writes: providers and the default through the registry, keys in the secrets file.
 * Every method does I/O, so {@link ModelsViewModel} calls them in the background only.
 */
final class SavedProviders {
    private final BuiltinAgent agent;
    private final SecretStore secrets;
    private final UnaryOperator<String> environment;

    /** What the page shows: never the keys themselves, only which saved providers have one. */
    record Snapshot(List<ProviderEntry> saved, Set<String> withKeys, List<ProviderConfig> environment,
                    String defaultName, ProviderRegistry.Resolved resolved) {
    }

    /**
     * What Save does with one provider's key.
     *
     * @param originalName the name it was saved under (its key moves along on a rename), or null when new
     * @param typed        a key typed to replace the saved one, or null
     * @param cleared      the user removed the saved key
     */
    record KeyPlan(String name, String originalName, String typed, boolean cleared) {
    }

    SavedProviders(BuiltinAgent agent, SecretStore secrets, UnaryOperator<String> environment) {
        this.agent = agent;
        this.secrets = secrets;
        this.environment = environment;
    }

    Snapshot read() {
        ProviderRegistry registry = agent.providers();
        List<ProviderEntry> saved = registry.saved();
        Set<String> names = new LinkedHashSet<>();
        Set<String> withKeys = new LinkedHashSet<>();
        for (ProviderEntry entry : saved) {
            names.add(entry.name());
            if (secrets.get(ProviderRegistry.secretKey(entry.name())).isPresent()) {
                withKeys.add(entry.name());
            }
        }
        List<ProviderConfig> fromEnvironment = registry.all().stream()
                .filter(config -> !names.contains(config.name())).toList();
        return new Snapshot(saved, withKeys, fromEnvironment, registry.defaultName().orElse(null),
                registry.resolve(null));
    }

    /**
     * Saves the providers, the default and the keys: keys move with a renamed provider, go with a removed one
     * ({@code before} names those that were saved), and change where one was typed or cleared.
     */
    void write(List<ProviderEntry> entries, List<KeyPlan> keys, String defaultName, Set<String> before) {
        ProviderRegistry registry = agent.providers();
        Set<String> names = new LinkedHashSet<>(before);
        keys.forEach(key -> names.add(key.name()));
        Map<String, String> stored = new HashMap<>();
        for (String name : names) {
            secrets.get(ProviderRegistry.secretKey(name)).ifPresent(value -> stored.put(name, value));
        }
        Map<String, String> wanted = new HashMap<>();
        for (KeyPlan key : keys) {
            String value = key.typed() != null ? key.typed()
                    : key.cleared() || key.originalName() == null ? null : stored.get(key.originalName());
            if (value != null) {
                wanted.put(key.name(), value);
            }
        }
        for (String name : names) {
            if (!Objects.equals(wanted.get(name), stored.get(name))) {
                registry.saveKey(name, wanted.get(name));
            }
        }
        registry.save(entries);
        registry.setDefault(defaultName);
    }

    /** A client for the form's values, with the key the provider would use: typed, saved, or from a variable. */
    ModelClient client(ProviderForm.Draft draft) {
        return agent.client(draft.environment() != null ? draft.environment() : draft.toConfig(keyFor(draft)));
    }

    private String keyFor(ProviderForm.Draft draft) {
        if (draft.newKey() != null) {
            return draft.newKey();
        }
        if (!draft.clearKey() && draft.originalName() != null) {
            String stored = secrets.get(ProviderRegistry.secretKey(draft.originalName())).orElse(null);
            if (stored != null) {
                return stored;
            }
        }
        String variable = draft.apiKeyEnv() == null ? null : environment.apply(draft.apiKeyEnv());
        return variable == null || variable.isBlank() ? null : variable.strip();
    }
}
