package dev.questbench.llm;

import com.fasterxml.jackson.databind.JsonNode;

/** A tool offered to the model: its name, what it does, and its JSON Schema input. */
public record ToolSpec(String name, String description, JsonNode inputSchema) {
}
