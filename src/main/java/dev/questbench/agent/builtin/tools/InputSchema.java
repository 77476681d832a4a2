package dev.questbench.agent.builtin.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Builds the JSON Schema of a tool's input object, one property at a time. */
final class InputSchema {
    private final ObjectNode schema = JsonNodeFactory.instance.objectNode();
    private final ObjectNode properties = schema.putObject("properties");
    private final ArrayNode required = JsonNodeFactory.instance.arrayNode();

    private InputSchema() {
        schema.put("type", "object");
    }

    static InputSchema object() {
        return new InputSchema();
    }

    InputSchema required(String name, String type, String description) {
        property(name, type, description);
        required.add(name);
        return this;
    }

    InputSchema optional(String name, String type, String description) {
        property(name, type, description);
        return this;
    }

    InputSchema optionalChoice(String name, List<String> choices, String description) {
        ArrayNode values = property(name, "string", description).putArray("enum");
        choices.forEach(values::add);
        return this;
    }

    /** The finished schema; callers get copies, so nobody can change the shared one. */
    ObjectNode build() {
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private ObjectNode property(String name, String type, String description) {
        ObjectNode property = properties.putObject(name);
        property.put("type", type);
        property.put("description", description);
        return property;
    }
}
