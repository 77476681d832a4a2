package dev.questbench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.store.Settings;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a session holds beyond its quest (the agent it was created with, its metadata), kept in the settings. */
final class SessionRecords {
    private static final String PREFIX = "server.session.";

    /** One session's API-only fields. */
    record Record(String agentId, Map<String, String> metadata) {
        Record {
            metadata = Map.copyOf(metadata);
        }
    }

    private final Settings settings;

    SessionRecords(Settings settings) {
        this.settings = settings;
    }

    Record get(String questId) {
        return settings.raw(PREFIX + questId).map(SessionRecords::parse)
                .orElse(new Record(AgentCatalog.BUILTIN_ID, Map.of()));
    }

    void put(String questId, Record record) {
        ObjectNode node = ApiExchange.JSON.createObjectNode().put("agent_id", record.agentId());
        ObjectNode metadata = node.putObject("metadata");
        record.metadata().forEach(metadata::put);
        settings.rawSet(PREFIX + questId, node.toString());
    }

    void remove(String questId) {
        settings.remove(PREFIX + questId);
    }

    /**
     * Checks a {@code metadata} object (string values, at most 16 keys, keys ≤ 64 and values ≤ 512 characters)
     * and applies it to {@code current} as a merge-patch: a null value removes the key.
     */
    static Map<String, String> patch(Map<String, String> current, JsonNode metadata) {
        Map<String, String> next = new LinkedHashMap<>(current);
        if (metadata == null || metadata.isNull() || metadata.isMissingNode()) {
            return next;
        }
        if (!metadata.isObject()) {
            throw ApiException.invalid("Field 'metadata' must be an object of string values.", "metadata");
        }
        metadata.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                next.remove(field.getKey());
            } else if (!value.isTextual()) {
                throw ApiException.invalid("metadata values must be strings ('" + field.getKey() + "' is not).",
                        "metadata");
            } else if (field.getKey().length() > 64 || value.asText().length() > 512) {
                throw ApiException.invalid("metadata keys are at most 64 and values at most 512 characters.",
                        "metadata");
            } else {
                next.put(field.getKey(), value.asText());
            }
        });
        if (next.size() > 16) {
            throw ApiException.invalid("metadata holds at most 16 keys.", "metadata");
        }
        return next;
    }

    private static Record parse(String json) {
        try {
            JsonNode node = ApiExchange.JSON.readTree(json);
            Map<String, String> metadata = new LinkedHashMap<>();
            node.path("metadata").fields().forEachRemaining(f -> metadata.put(f.getKey(), f.getValue().asText()));
            return new Record(node.path("agent_id").asText(AgentCatalog.BUILTIN_ID), metadata);
        } catch (IOException e) {
            return new Record(AgentCatalog.BUILTIN_ID, Map.of());
        }
    }
}
