package dev.questbench.domain.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * Reads and writes events as JSON objects with {@code type} first and snake_case fields, the shape the
 * Cloud Agents API uses. Unknown types come back as {@link QuestEvent.Unknown} and write back unchanged;
 * unknown fields of known types are ignored, so older versions read newer journals.
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    /** One reader per event class, so reading does not look the type up again for every event. */
    private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return MAPPER.readerFor(type);
        }
    };

    private EventJson() {
    }

    /** The shared mapper, configured for the wire format (snake_case, ISO-8601 times, no nulls). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectNode toTree(QuestEvent event) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("type", event.type());
        if (event instanceof QuestEvent.Unknown unknown) {
            unknown.body().fields().forEachRemaining(field -> {
                if (!"type".equals(field.getKey())) {
                    out.set(field.getKey(), field.getValue());
                }
            });
        } else {
            ObjectNode body = MAPPER.valueToTree(event);
            out.setAll(body);
        }
        return out;
    }

    public static String write(QuestEvent event) {
        try {
            return MAPPER.writeValueAsString(toTree(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + event.type(), e);
        }
    }

    /** Reads an event object; the {@code type} field picks the record. */
    public static QuestEvent read(String json) {
        try {
            return fromTree(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a valid event: " + e.getOriginalMessage(), e);
        }
    }

    public static QuestEvent fromTree(JsonNode node) {
        if (!(node instanceof ObjectNode object) || !node.path("type").isTextual()) {
            throw new IllegalArgumentException("an event must be a JSON object with a text 'type'");
        }
        String type = object.get("type").asText();
        Class<? extends QuestEvent> eventClass = EventTypes.classOf(type);
        if (eventClass == null) {
            return new QuestEvent.Unknown(type, object.deepCopy());
        }
        try {
            // No record has a "type" component, so the field is ignored like any unknown one: no copy needed.
            return READERS.get(eventClass).readValue(object);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + type + " is malformed: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("event " + type + " is malformed: " + e.getMessage(), e);
        }
    }
}
