package dev.questbench.agent.builtin.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Optional;

/** Typed access to a tool's input object, with errors that name the parameter; unknown fields are ignored. */
final class ToolInput {
    private final JsonNode input;

    ToolInput(JsonNode input) {
        this.input = input == null || !input.isObject() ? JsonNodeFactory.instance.objectNode() : input;
    }

    /** A required string; may be empty. */
    String requiredString(String name) throws ToolException {
        return string(name).orElseThrow(() -> new ToolException("Missing required parameter '" + name + "'."));
    }

    Optional<String> string(String name) throws ToolException {
        JsonNode value = input.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isContainerNode()) {
            throw new ToolException("Parameter '" + name + "' must be a string.");
        }
        return Optional.of(value.asText());
    }

    /** An optional integer; models sometimes send numbers as strings, which are accepted. */
    Optional<Long> integer(String name) throws ToolException {
        JsonNode value = input.get(name);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            return Optional.empty();
        }
        if (value.isIntegralNumber() || (value.isNumber() && value.asDouble() == Math.rint(value.asDouble()))) {
            return Optional.of(value.asLong());
        }
        if (value.isTextual()) {
            try {
                return Optional.of(Long.parseLong(value.asText().trim()));
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw new ToolException("Parameter '" + name + "' must be an integer, got " + value + ".");
    }

    /** An optional integer at least {@code min}. */
    Optional<Long> integerAtLeast(String name, long min) throws ToolException {
        Optional<Long> value = integer(name);
        if (value.isPresent() && value.get() < min) {
            throw new ToolException("Parameter '" + name + "' must be at least " + min + ", got " + value.get() + ".");
        }
        return value;
    }

    boolean flag(String name, boolean fallback) throws ToolException {
        JsonNode value = input.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        String text = value.asText().trim();
        if (text.equalsIgnoreCase("true") || text.equals("1")) {
            return true;
        }
        if (text.equalsIgnoreCase("false") || text.equals("0")) {
            return false;
        }
        throw new ToolException("Parameter '" + name + "' must be true or false, got " + value + ".");
    }
}
