package dev.questbench.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.domain.event.EventJson;
import dev.questbench.domain.event.JournalEntry;

/** A journal entry as the API shows it: the Cloud Agents event with {@code id}, {@code processed_at} and session. */
final class EventView {
    private EventView() {
    }

    static ObjectNode of(JournalEntry entry) {
        ObjectNode out = ApiExchange.JSON.createObjectNode();
        out.put("id", entry.id());
        ObjectNode body = EventJson.toTree(entry.event());
        out.setAll(body);
        out.put("session_id", entry.questId());
        out.put("processed_at", entry.processedAt().toString());
        return out;
    }
}
