package dev.questbench.server;

/** A request the API refuses: the HTTP status and the Cloud Agents error type and message to send back. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String param;

    public ApiException(int status, String type, String message, String param) {
        super(message);
        this.status = status;
        this.type = type;
        this.param = param;
    }

    public static ApiException invalid(String message) {
        return new ApiException(400, "invalid_request_error", message, null);
    }

    public static ApiException invalid(String message, String param) {
        return new ApiException(400, "invalid_request_error", message, param);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found_error", message, null);
    }

    /** 409 with {@code invalid_request_error}, as the Cloud Agents service answers a busy session. */
    public static ApiException busy(String message) {
        return new ApiException(409, "invalid_request_error", message, null);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String param() {
        return param;
    }
}
