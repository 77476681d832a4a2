package dev.questbench.llm;

import java.util.List;

/** Words the result of {@link ModelClient#testConnection()} for the user, given the models the server lists. */
final class ConnectionChecks {
    private static final int MODELS_NAMED = 8;

    private ConnectionChecks() {
    }

    static ModelClient.ConnectionCheck check(ProviderConfig config, List<String> models) {
        String connected = "Connected to " + config.baseUrl() + ": " + models.size()
                + (models.size() == 1 ? " model" : " models");
        String model = config.model();
        if (model == null || model.isBlank()) {
            return new ModelClient.ConnectionCheck(true, connected + "; no model is configured yet", models);
        }
        if (offers(models, model)) {
            return new ModelClient.ConnectionCheck(true, connected + "; '" + model + "' is available", models);
        }
        String others = models.isEmpty() ? "." : " or pick one of: " + named(models);
        String advice = ProviderErrors.looksLikeOllama(config)
                ? " Pull it with `ollama pull " + model + "`" + others
                : " Check the model name" + others;
        return new ModelClient.ConnectionCheck(false,
                connected + ", but '" + model + "' is not among them." + advice, models);
    }

    /** Ollama lists "llama3.1:latest" for a model the user calls "llama3.1". */
    static boolean offers(List<String> models, String model) {
        return models.contains(model) || !model.contains(":") && models.contains(model + ":latest");
    }

    private static String named(List<String> models) {
        String shown = String.join(", ", models.subList(0, Math.min(MODELS_NAMED, models.size())));
        return models.size() > MODELS_NAMED ? shown + ", …" : shown + ".";
    }
}
