package dev.questbench.agent.builtin.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads MCP {@code resources/list} and {@code resources/read} answers into what the model sees. */
public final class McpResources {
    static final int MAX_PAGES = 20;
    /** Longest text of one read that goes to the model; the rest is cut with a note. */
    static final int MAX_TEXT = 100_000;

    private McpResources() {
    }

    /** One resource a server offers. */
    public record Resource(String uri, String name, String description, String mimeType) {
    }

    static List<Resource> parse(JsonNode result) {
        List<Resource> out = new ArrayList<>();
        for (JsonNode item : result.path("resources")) {
            out.add(new Resource(item.path("uri").asText(), item.path("name").asText(""),
                    item.path("description").asText(""), item.path("mimeType").asText("")));
        }
        return out;
    }

    /** Text contents as they are (cut at {@link #MAX_TEXT}); a blob becomes one line with its type and size. */
    static String describe(JsonNode result) {
        StringBuilder out = new StringBuilder();
        for (JsonNode content : result.path("contents")) {
            if (out.length() > 0) {
                out.append("\n\n");
            }
            String mime = content.path("mimeType").asText("");
            if (content.has("blob")) {
                long bytes = base64Bytes(content.path("blob").asText(""));
                out.append("[binary resource ").append(content.path("uri").asText()).append(": ")
                        .append(mime.isEmpty() ? "unknown type" : mime).append(", ").append(bytes)
                        .append(" bytes; not shown]");
            } else {
                out.append(content.path("text").asText(""));
            }
        }
        if (out.length() > MAX_TEXT) {
            int total = out.length();
            out.setLength(MAX_TEXT);
            out.append("\n[… cut: ").append(total - MAX_TEXT).append(" more characters]");
        }
        return out.length() == 0 ? "(the resource is empty)" : out.toString();
    }

    private static long base64Bytes(String base64) {
        String trimmed = base64.strip();
        int padding = trimmed.endsWith("==") ? 2 : trimmed.endsWith("=") ? 1 : 0;
        return Math.max(0, trimmed.length() * 3L / 4 - padding);
    }

    /** One line per resource for the model. */
    static String list(String server, List<Resource> resources) {
        StringBuilder out = new StringBuilder();
        for (Resource resource : resources) {
            out.append(server).append(": ").append(resource.uri());
            if (!resource.name().isBlank()) {
                out.append(" (").append(resource.name()).append(")");
            }
            if (!resource.mimeType().isBlank()) {
                out.append(" [").append(resource.mimeType()).append("]");
            }
            if (!resource.description().isBlank()) {
                out.append(" — ").append(resource.description());
            }
            out.append('\n');
        }
        return out.toString();
    }
}
