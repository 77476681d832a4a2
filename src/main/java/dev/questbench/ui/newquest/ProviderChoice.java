package dev.questbench.ui.newquest;

import dev.questbench.llm.ProviderConfig;

/**
 * An entry of the provider picker: a named provider, or "Default (…)" when {@code name} is null, which leaves the
 * quest on whatever provider is the default when it runs.
 *
 * @param config the provider itself; for the default entry, the one the default resolves to now
 */
public record ProviderChoice(String name, ProviderConfig config) {

    static ProviderChoice byDefault(ProviderConfig current) {
        return new ProviderChoice(null, current);
    }

    static ProviderChoice named(ProviderConfig config) {
        return new ProviderChoice(config.name(), config);
    }

    /** The provider's own default model, or null when it has none. */
    public String defaultModel() {
        return config.model() == null || config.model().isBlank() ? null : config.model().strip();
    }

    public String label() {
        String provider = defaultModel() == null ? config.name() : config.name() + " · " + defaultModel();
        return name == null ? "Default (" + provider + ")" : provider;
    }

    @Override
    public String toString() {
        return label(); // what the combo box shows; never the API key
    }
}
