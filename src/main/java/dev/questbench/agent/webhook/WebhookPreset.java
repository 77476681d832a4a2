package dev.questbench.agent.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.store.Setting;
import java.util.List;

/**
 * A Qodo-style webhook agent command: the server's base URL ({@code qodo --webhook} listens on 6666 or the next
 * free port), the command name, fixed JSON arguments, and the argument the quest's message goes into (blank: the
 * message must itself be the arguments as a JSON object).
 */
public record WebhookPreset(String name, String baseUrl, String command, JsonNode arguments, String messageArgument) {
    /** The webhook agents quests can pick (Settings → Agents); a quest names one as {@code webhook:<name>}. */
    public record Presets(List<WebhookPreset> presets) {
        public static final Presets DEFAULT = new Presets(List.of(new WebhookPreset("qodo-review",
                "http://localhost:6666", "review", null, "pr")));

        public Presets {
            presets = presets == null ? List.of() : List.copyOf(presets);
        }

        public java.util.Optional<WebhookPreset> find(String name) {
            return presets.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
        }
    }

    public static final Setting<Presets> SETTING = Setting.of("agents.webhook", Presets.class, Presets.DEFAULT);

    public WebhookPreset {
        name = name == null ? "" : name.strip();
        baseUrl = baseUrl == null ? "" : baseUrl.strip();
        command = command == null ? "" : command.strip();
        arguments = arguments == null || !arguments.isObject() ? JsonNodeFactory.instance.objectNode() : arguments;
        messageArgument = messageArgument == null || messageArgument.isBlank() ? null : messageArgument.strip();
    }

    /** The command's arguments for a message: the fixed ones plus the message (or the message's own JSON). */
    public ObjectNode argumentsFor(String message, JsonNode messageJson) {
        ObjectNode body = ((ObjectNode) arguments).deepCopy();
        if (messageJson != null && messageJson.isObject()) {
            body.setAll((ObjectNode) messageJson);
        } else if (messageArgument != null) {
            body.put(messageArgument, message);
        }
        return body;
    }
}
