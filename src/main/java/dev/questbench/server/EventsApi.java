package dev.questbench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.agent.ToolConfirmation;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.QuestSummary;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /sessions/{id}/events}: user messages, interrupts and tool confirmations, mapped onto the executor. */
final class EventsApi {
    static final String BUSY = "Session is currently processing a turn. Cancel the current turn or wait for "
            + "completion.";

    private final Store store;
    private final QuestExecutor executor;
    private final SessionsApi sessions;

    EventsApi(Store store, QuestExecutor executor, SessionsApi sessions) {
        this.store = store;
        this.executor = executor;
        this.sessions = sessions;
    }

    void register(Router router, String base) {
        router.add("POST", base + "/sessions/{id}/events", ex -> {
            ObjectNode out = ApiExchange.JSON.createObjectNode();
            ArrayNode data = out.putArray("data");
            post(ex.param(0), ex.jsonBody()).forEach(entry -> data.add(EventView.of(entry)));
            ex.json(200, out);
        });
    }

    /** Applies the events in order; returns what each one journaled. */
    List<JournalEntry> post(String sessionId, ObjectNode body) {
        QuestSummary summary = sessions.summary(sessionId);
        JsonNode events = body.get("events");
        if (events == null || !events.isArray() || events.isEmpty()) {
            throw ApiException.invalid("Field 'events' must be a non-empty array.", "events");
        }
        if (summary.quest().archived()) {
            throw ApiException.busy("Session is archived and read-only; it accepts no events.");
        }
        List<JournalEntry> stored = new ArrayList<>();
        for (JsonNode event : events) {
            String type = event.path("type").asText("");
            stored.add(switch (type) {
                case "user.message" -> message(summary.id(), text(event.get("content")));
                case "user.interrupt" -> interrupt(summary.id());
                case "user.tool_confirmation" -> confirm(summary.id(), event);
                default -> throw ApiException.invalid(type.isEmpty() ? "Each event needs a 'type'."
                        : "Unsupported event type '" + type + "': this server accepts user.message, user.interrupt "
                        + "and user.tool_confirmation.", "type");
            });
        }
        return stored;
    }

    private synchronized JournalEntry message(String questId, String text) {
        QuestSummary summary = sessions.summary(questId);
        if (summary.status().isActive()) {
            throw ApiException.busy(BUSY);
        }
        if (summary.status() == QuestStatus.ACTION_REQUIRED) {
            throw ApiException.busy("Session is waiting for tool confirmations: answer each pending "
                    + "agent.tool_use with user.tool_confirmation, or cancel the turn first.");
        }
        Quest quest = summary.quest();
        if (summary.eventCount() == 0 && quest.prompt().isEmpty() && quest.title().equals(Quest.titleFrom(""))) {
            store.quests().update(quest.withTitle(Quest.titleFrom(text), Instant.now()));
        }
        executor.send(questId, text);
        return last(questId, "user.message");
    }

    private JournalEntry interrupt(String questId) {
        JournalEntry entry = store.journal().append(questId, new QuestEvent.UserInterrupt(null));
        executor.stop(questId);
        return entry;
    }

    private JournalEntry confirm(String questId, JsonNode event) {
        String toolUseId = event.path("tool_use_id").asText("");
        if (toolUseId.isEmpty()) {
            throw ApiException.invalid("Missing required field: tool_use_id", "tool_use_id");
        }
        String result = event.path("result").asText("");
        if (!result.equals("allow") && !result.equals("deny")) {
            throw ApiException.invalid("Field 'result' must be \"allow\" or \"deny\".", "result");
        }
        String denyMessage = event.path("deny_message").isTextual() ? event.get("deny_message").asText() : null;
        if (denyMessage != null && result.equals("allow")) {
            throw ApiException.invalid("deny_message is allowed only with result \"deny\".", "deny_message");
        }
        try {
            executor.confirm(questId, new ToolConfirmation(toolUseId, Decision.fromWire(result), denyMessage, false));
        } catch (IllegalStateException e) {
            throw ApiException.notFound(e.getMessage());
        }
        return last(questId, "user.tool_confirmation");
    }

    private JournalEntry last(String questId, String type) {
        List<JournalEntry> recent = store.journal().readLast(questId, 50);
        for (int i = recent.size() - 1; i >= 0; i--) {
            if (recent.get(i).type().equals(type)) {
                return recent.get(i);
            }
        }
        throw new IllegalStateException("the " + type + " just sent is not in the journal");
    }

    /** A message's text from an array of text blocks or, as some quickstarts send it, a plain string. */
    static String text(JsonNode content) {
        if (content != null && content.isTextual() && !content.asText().isBlank()) {
            return content.asText();
        }
        if (content == null || !content.isArray() || content.isEmpty()) {
            throw ApiException.invalid("Field 'content' must be a non-empty array of content blocks.", "content");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content) {
            if (!"text".equals(block.path("type").asText()) || !block.path("text").isTextual()) {
                throw ApiException.invalid("Only text content blocks ({\"type\":\"text\",\"text\":…}) are supported.",
                        "content");
            }
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append(block.get("text").asText());
        }
        if (text.toString().isBlank()) {
            throw ApiException.invalid("Field 'content' must be a non-empty array of content blocks.", "content");
        }
        return text.toString();
    }
}
