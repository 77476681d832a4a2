package dev.questbench.store;

import java.util.Optional;

/** Typed application settings kept in the database (never secrets: those live in a 0600 file). */
public final class Settings {

    public <T> T get(Setting<T> setting) {
        throw new UnsupportedOperationException("TODO");
    }

    public <T> void set(Setting<T> setting, T value) {
        throw new UnsupportedOperationException("TODO");
    }

    public Optional<String> raw(String key) {
        throw new UnsupportedOperationException("TODO");
    }

    public void remove(String key) {
        throw new UnsupportedOperationException("TODO");
    }
}
