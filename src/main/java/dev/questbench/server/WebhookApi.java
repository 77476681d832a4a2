package dev.questbench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.Settings;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Qodo-style webhook shim: {@code POST /webhook/{command}} runs a prompt template as a new session and waits
 * for its answer, or with {@code ?sse=true} returns {@code {sessionId}} at once; {@code GET ?sessionId=} then
 * streams {@code loading}, {@code message}, {@code error} and {@code done}. Non-interactive: a turn that needs an
 * approval ends with an error (start the server with {@code --permission-mode acceptEdits} or answer it in the app).
 */
final class WebhookApi {
    /** The settings key holding the templates, a JSON array of {name, description, prompt, arguments}. */
    static final String COMMANDS_KEY = "server.webhook.commands";

    private final Settings settings;
    private final SessionsApi sessions;
    private final EventsApi events;
    private final SessionStream stream;

    WebhookApi(Settings settings, SessionsApi sessions, EventsApi events, SessionStream stream) {
        this.settings = settings;
        this.sessions = sessions;
        this.events = events;
        this.stream = stream;
    }

    void register(Router router) {
        router.add("POST", "/webhook/{command}", this::post).add("GET", "/webhook/{command}", this::get);
    }

    List<WebhookCommand> commands() {
        Optional<String> json = settings.raw(COMMANDS_KEY);
        if (json.isEmpty()) {
            return WebhookCommand.defaults();
        }
        try {
            List<WebhookCommand> parsed = new ArrayList<>();
            for (JsonNode node : ApiExchange.JSON.readTree(json.get())) {
                parsed.add(WebhookCommand.parse(node));
            }
            return parsed;
        } catch (IOException e) {
            return WebhookCommand.defaults();
        }
    }

    private WebhookCommand command(String name) {
        return commands().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> ApiException.notFound("Unknown command '" + name + "'. Commands: "
                        + String.join(", ", commands().stream().map(WebhookCommand::name).toList()) + "."));
    }

    private void post(ApiExchange ex) throws IOException {
        WebhookCommand command = command(ex.param(0));
        ObjectNode values = command.validate(ex.jsonBody());
        ObjectNode create = ApiExchange.JSON.createObjectNode().put("title", "/" + command.name());
        JsonNode workspace = values.get("workspace");
        if (workspace != null && workspace.isTextual()) {
            create.putObject("metadata").put("workspace", workspace.asText());
        }
        String sessionId = sessions.create(create).path("id").asText();
        ObjectNode message = ApiExchange.JSON.createObjectNode();
        ArrayNode list = message.putArray("events");
        list.addObject().put("type", "user.message").put("content", command.fill(values));
        events.post(sessionId, message);
        ex.setHeader("X-Session-ID", sessionId);
        if (truthy(ex.query("sse"))) {
            ex.json(200, ApiExchange.JSON.createObjectNode().put("sessionId", sessionId));
            return;
        }
        Outcome outcome = new Outcome();
        stream.run(sessionId, null, 0, new SseOutput(OutputStream.nullOutputStream()), (entry, out) ->
                outcome.see(entry));
        if (outcome.error != null) {
            ex.json(500, ApiExchange.JSON.createObjectNode().put("error", outcome.error));
            return;
        }
        ex.json(200, result(outcome.text));
    }

    private void get(ApiExchange ex) throws IOException {
        command(ex.param(0));
        String sessionId = ex.query("sessionId");
        if (sessionId == null || sessionId.isBlank()) {
            throw ApiException.invalid("Missing sessionId: POST with ?sse=true first, then GET ?sessionId=<id>.");
        }
        String questId = sessions.summary(sessionId).id();
        ex.setHeader("X-Session-ID", questId);
        SseOutput out = new SseOutput(ex.startStream("text/event-stream"));
        out.event(null, "loading", "{\"isLoading\":true}");
        out.flush();
        Outcome outcome = new Outcome();
        stream.run(questId, null, 0, out, (entry, sse) -> {
            boolean more = outcome.see(entry);
            if (entry.event() instanceof QuestEvent.AgentMessage message) {
                sse.event(null, "message", ApiExchange.JSON.createObjectNode()
                        .put("content", ContentBlock.plainText(message.content())).toString());
            }
            if (!more) {
                if (outcome.error != null) {
                    sse.event(null, "error", ApiExchange.JSON.createObjectNode().put("error", outcome.error)
                            .toString());
                }
                sse.event(null, "loading", "{\"isLoading\":false}");
                sse.event(null, "done", "{}");
            }
            return more;
        });
        out.close();
    }

    /** The final text as structured output when it is a JSON object, else {@code {"result": text}}. */
    static JsonNode result(String text) {
        if (text == null || text.isBlank()) {
            return ApiExchange.JSON.createObjectNode().put("result", "No response");
        }
        String trimmed = text.strip().replaceAll("^```(?:json)?\\s*|\\s*```$", "");
        if (trimmed.startsWith("{")) {
            try {
                JsonNode parsed = ApiExchange.JSON.readTree(trimmed);
                if (parsed.isObject()) {
                    return parsed;
                }
            } catch (IOException ignored) {
                // not JSON after all: return it as text
            }
        }
        return ApiExchange.JSON.createObjectNode().put("result", text);
    }

    private static boolean truthy(String value) {
        return value != null && List.of("true", "1", "yes", "").contains(value.toLowerCase(Locale.ROOT));
    }

    /** Watches a webhook session's one turn: the last message, and how it ended. */
    private static final class Outcome {
        String text;
        String error;

        /** Returns false once the turn has ended. */
        boolean see(JournalEntry entry) {
            QuestEvent event = entry.event();
            if (event instanceof QuestEvent.AgentMessage message) {
                text = ContentBlock.plainText(message.content());
            } else if (event instanceof QuestEvent.SessionError failure) {
                error = failure.error().message();
                return false;
            } else if (event instanceof QuestEvent.SessionStatusIdle idle) {
                if (idle.requiresAction()) {
                    error = "The agent needs an approval, which a webhook cannot give: answer it in Questbench "
                            + "(session " + entry.questId() + "), or start the server with --permission-mode "
                            + "acceptEdits.";
                } else if (QuestEvent.SessionStatusIdle.StopReason.STOPPED.equals(idle.stopReason().type())) {
                    error = "The session was stopped.";
                }
                return false;
            }
            return true;
        }
    }
}
