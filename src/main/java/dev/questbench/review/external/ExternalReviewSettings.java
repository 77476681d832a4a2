package dev.questbench.review.external;

import dev.questbench.store.SecretStore;
import dev.questbench.store.Setting;
import dev.questbench.store.Settings;
import java.util.Optional;

/** Where the external reviewer is configured: its base URL in Settings, its API key in the secrets file. */
public final class ExternalReviewSettings {
    /** The Qodo Merge server, e.g. {@code https://qodo-merge.example.com}; blank means no external reviewer. */
    public static final Setting<String> BASE_URL = Setting.of("review.external.baseUrl", String.class, "");
    public static final String API_KEY_SECRET = "qodo.apiKey";

    private ExternalReviewSettings() {
    }

    public static Optional<String> apiKey(SecretStore secrets) {
        return secrets.get(API_KEY_SECRET).filter(key -> !key.isBlank());
    }

    /** Saves the key; null or blank removes it. */
    public static void saveApiKey(SecretStore secrets, String key) {
        secrets.put(API_KEY_SECRET, key == null ? null : key.strip());
    }

    public static String baseUrl(Settings settings) {
        String url = settings.get(BASE_URL);
        return url == null ? "" : url.strip();
    }

    public static void saveBaseUrl(Settings settings, String url) {
        settings.set(BASE_URL, url == null ? "" : url.strip());
    }

    /** A client when both the URL and the key are set, else empty (the review button then explains what to set). */
    public static Optional<QodoMergeClient> client(Settings settings, SecretStore secrets) {
        String url = baseUrl(settings);
        Optional<String> key = apiKey(secrets);
        return url.isEmpty() || key.isEmpty() ? Optional.empty() : Optional.of(new QodoMergeClient(url, key.get()));
    }
}
