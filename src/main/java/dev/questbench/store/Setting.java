package dev.questbench.store;

/**
 * A named, typed setting with its default. Values are stored as JSON, so any Jackson-mappable type works.
 */
public record Setting<T>(String key, Class<T> type, T defaultValue) {
    public static <T> Setting<T> of(String key, Class<T> type, T defaultValue) {
        return new Setting<>(key, type, defaultValue);
    }
}
