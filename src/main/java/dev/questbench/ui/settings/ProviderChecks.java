package dev.questbench.ui.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The Models page's field checks: each returns a message for the user, or null when the value is fine. */
final class ProviderChecks {
    private static final String HEADER_NAME = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final String VARIABLE_NAME = "[A-Za-z_][A-Za-z0-9_]*";

    private ProviderChecks() {
    }

    /** A name is required and unique (ignoring case, so "OpenAI" and "openai" are not both saved). */
    static String name(String name, Collection<String> otherNames) {
        String value = strip(name);
        if (value.isEmpty()) {
            return "Enter a name, such as ollama or work-vllm.";
        }
        for (String other : otherNames) {
            if (strip(other).toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
                return "Another provider is already called '" + value + "'. Pick a different name.";
            }
        }
        return null;
    }

    static String baseUrl(String url) {
        String value = strip(url);
        if (value.isEmpty()) {
            return "Enter the API's base URL, e.g. http://localhost:11434/v1, or pick a preset.";
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return "The base URL must start with http:// or https://.";
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                return "The base URL has no host name: write it like https://api.example.com/v1.";
            }
            return null;
        } catch (URISyntaxException e) {
            return "The base URL is not a valid address: " + e.getReason() + ".";
        }
    }

    static String contextWindow(String text) {
        String value = strip(text);
        if (value.isEmpty()) {
            return null; // read as 0: unknown
        }
        if (!value.matches("\\d+")) {
            return "The context window is a whole number of tokens (0 = unknown), e.g. 128000.";
        }
        try {
            Integer.parseInt(value);
            return null;
        } catch (NumberFormatException e) {
            return "The context window is too large; enter at most " + Integer.MAX_VALUE + ".";
        }
    }

    /** 0 when blank; call after {@link #contextWindow} accepted the text. */
    static int contextWindowValue(String text) {
        String value = strip(text);
        return value.isEmpty() ? 0 : Integer.parseInt(value);
    }

    static String headers(String text) {
        String[] lines = strip(text).isEmpty() ? new String[0] : text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon).strip();
            if (colon < 0 || !name.matches(HEADER_NAME)) {
                return "Header line " + (i + 1) + " '" + line + "' is not 'Name: value' (e.g. HTTP-Referer: "
                        + "https://example.com).";
            }
        }
        return null;
    }

    /** The headers as a map; call after {@link #headers} accepted the text. */
    static Map<String, String> headerValues(String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (text == null) {
            return headers;
        }
        for (String line : text.split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return headers;
    }

    /** The headers as "Name: value" lines, for the text area. */
    static String headerLines(Map<String, String> headers) {
        StringBuilder lines = new StringBuilder();
        headers.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(header -> {
            if (!lines.isEmpty()) {
                lines.append('\n');
            }
            lines.append(header.getKey()).append(": ").append(header.getValue());
        });
        return lines.toString();
    }

    static String variable(String name) {
        String value = strip(name);
        if (value.isEmpty() || value.matches(VARIABLE_NAME)) {
            return null;
        }
        return "'" + value + "' is not an environment variable name (letters, digits and _, e.g. MY_API_KEY).";
    }

    static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
