package dev.questbench.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.questbench.domain.event.EventJson;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import java.util.Optional;

/** Typed application settings kept in the database (never secrets: those live in a 0600 file). */
public final class Settings {
    private static final System.Logger LOG = System.getLogger(Settings.class.getName());

    private final WriterThread writer;
    private final ReaderPool readers;

    Settings(WriterThread writer, ReaderPool readers) {
        this.writer = writer;
        this.readers = readers;
    }

    /** The stored value, or the setting's default when it is unset or no longer readable as its type. */
    public <T> T get(Setting<T> setting) {
        Optional<String> raw = raw(setting.key());
        if (raw.isEmpty()) {
            return setting.defaultValue();
        }
        try {
            return EventJson.mapper().readValue(raw.get(), setting.type());
        } catch (JsonProcessingException e) {
            // A value written by another version may not fit this type; the default is the safe answer.
            LOG.log(System.Logger.Level.WARNING, "setting " + setting.key() + " is unreadable, using its default: "
                    + e.getOriginalMessage());
            return setting.defaultValue();
        }
    }

    /** Saves the value (null removes it, so the default applies again). Durable on return. */
    public <T> void set(Setting<T> setting, T value) {
        if (value == null) {
            remove(setting.key());
            return;
        }
        String json;
        try {
            json = EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("setting " + setting.key() + " cannot be stored as JSON", e);
        }
        writer.submit("save setting " + setting.key(), context -> context.update(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                        + " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                setting.key(), json));
    }

    /** The stored JSON text of a key, if any. */
    public Optional<String> raw(String key) {
        Objects.requireNonNull(key, "key");
        return readers.read("read setting " + key, connection -> {
            PreparedStatement statement = connection.prepare("SELECT value FROM settings WHERE key = ?");
            statement.setString(1, key);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        });
    }

    /** Saves a key's JSON text as is (for values whose type is generic). Durable on return. */
    public void rawSet(String key, String json) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(json, "json");
        writer.submit("save setting " + key, context -> context.update(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                        + " ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, json));
    }

    public void remove(String key) {
        Objects.requireNonNull(key, "key");
        writer.submit("remove setting " + key, context -> context.update("DELETE FROM settings WHERE key = ?", key));
    }
}
