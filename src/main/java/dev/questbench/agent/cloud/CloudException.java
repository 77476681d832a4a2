package dev.questbench.agent.cloud;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A failed Cloud Agents call: the HTTP status and the documented error envelope
 * ({@code {"type":"error","request_id","error":{"type","message","param"}}}), or a network failure (status 0).
 */
public final class CloudException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorType;
    private final String requestId;

    CloudException(int status, String errorType, String message, String requestId) {
        super(message);
        this.status = status;
        this.errorType = errorType;
        this.requestId = requestId;
    }

    /** Reads the envelope from a response body; tolerates bodies that are not the envelope. */
    static CloudException of(int status, JsonNode body, String headerRequestId, String what) {
        JsonNode error = body == null ? null : body.path("error");
        String type = error == null || error.isMissingNode() ? "http_" + status : error.path("type").asText("http_"
                + status);
        String message = error == null || error.isMissingNode() ? "HTTP " + status
                : error.path("message").asText("HTTP " + status);
        if (error != null && error.hasNonNull("param")) {
            message = message + " (field " + error.get("param").asText() + ")";
        }
        String requestId = body != null && body.hasNonNull("request_id") ? body.get("request_id").asText()
                : headerRequestId;
        return new CloudException(status, type, what + ": " + message, requestId);
    }

    public int status() {
        return status;
    }

    public String errorType() {
        return errorType;
    }

    public String requestId() {
        return requestId;
    }

    /** 409: the session runs a turn (or is otherwise busy), whatever {@code error.type} says. */
    public boolean busy() {
        return status == 409;
    }

    /** What the user reads: what happened, the service's words, and the request id for support. */
    public String userMessage() {
        StringBuilder text = new StringBuilder(getMessage());
        if (status == 401) {
            text.append(". Check the personal access token in Settings → Agents → Cloud Agents.");
        } else if (status == 0) {
            text.append(". Check the network and the Cloud Agents base URL, then Retry.");
        }
        if (status > 0) {
            text.append(" [HTTP ").append(status).append(' ').append(errorType);
            if (requestId != null) {
                text.append(", request_id ").append(requestId);
            }
            text.append(']');
        }
        return text.toString();
    }
}
