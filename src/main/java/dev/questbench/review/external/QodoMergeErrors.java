package dev.questbench.review.external;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;

/** Turns Qodo Merge's error answers ({@code {"detail":{"error":"…"}}}) into messages a user can act on. */
final class QodoMergeErrors {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private QodoMergeErrors() {
    }

    static QodoMergeException forStatus(String baseUrl, int status, String body) {
        String detail = detail(body);
        String lower = detail.toLowerCase(Locale.ROOT);
        String message;
        if (status == 401 || status == 403 || lower.contains("api key") || lower.contains("apikey")) {
            message = "Qodo Merge rejected the API key: " + detail + " (" + status + "). Generate a new key "
                    + "(npx @qodo/gen login) and enter it in Settings → Review.";
        } else if (lower.contains("not enabled")) {
            message = "Qodo Merge says: " + detail + " (" + status + "). Ask the server's admin to enable the "
                    + "qm_diff endpoint.";
        } else if (status == 404) {
            message = "Qodo Merge at " + baseUrl + " has no diff endpoint (404). Check the URL in Settings → Review.";
        } else if (status >= 500) {
            message = "Qodo Merge at " + baseUrl + " failed (" + status + "): " + detail + ". Try again later.";
        } else {
            message = "Qodo Merge refused the review (" + status + "): " + detail;
        }
        return new QodoMergeException(status, message, null);
    }

    /** {@code detail.error}, {@code detail} as text, or the body itself, shortened. */
    static String detail(String body) {
        if (body == null || body.isBlank()) {
            return "no details given";
        }
        try {
            JsonNode detail = MAPPER.readTree(body).path("detail");
            if (detail.path("error").isTextual()) {
                return detail.path("error").asText();
            }
            if (detail.isTextual()) {
                return detail.asText();
            }
            if (!detail.isMissingNode()) {
                return detail.toString();
            }
        } catch (IOException notJson) {
            // fall through to the raw body
        }
        String raw = body.strip().replaceAll("\\s+", " ");
        return raw.length() > 200 ? raw.substring(0, 200) + "…" : raw;
    }
}
